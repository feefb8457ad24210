import { expect } from '@open-wc/testing';
import { fitsSyncItem, isSyncRecord, reconcile, sameProgress, SYNC_ITEM_BYTES, syncProblem, type SyncRecord } from '../../extension/src/progress-merge.js';

const KEY = 'nl/netwerkbijeenkomst-organiseren';
const MON = '2026-11-16T09:00:00.000Z';
const TUE = '2026-11-17T09:00:00.000Z';
const WED = '2026-11-18T09:00:00.000Z';

const plain = <T>(map: Map<string, T>) => Object.fromEntries(map);

describe('progress sync rules', () => {
  describe('reconcile', () => {
    it('sends what only this device has and takes what only the account has', () => {
      const result = reconcile(new Map([[KEY, { doel: MON }]]), new Map<string, SyncRecord>([['nl/opvolging', { at: 5, items: { mail: TUE } }]]), {});
      expect(plain(result.push)).to.deep.equal({ [KEY]: { doel: MON } });
      expect(plain(result.apply)).to.deep.equal({ 'nl/opvolging': { mail: TUE } });
      expect(plain(result.seen)).to.deep.equal({ 'nl/opvolging': 5 });
    });

    it('does not send an empty checklist that the account does not have', () => {
      const result = reconcile(new Map([[KEY, {}]]), new Map(), {});
      expect(result.push.size).to.equal(0);
      expect(result.apply.size).to.equal(0);
    });

    it('keeps every tick of both sides the first time, the earlier time winning', () => {
      const result = reconcile(new Map([[KEY, { doel: TUE, agenda: MON }]]), new Map([[KEY, { at: 7, items: { doel: MON, uitnodiging: WED } }]]), {});
      const union = { doel: MON, agenda: MON, uitnodiging: WED };
      expect(plain(result.apply)).to.deep.equal({ [KEY]: union });
      expect(plain(result.push)).to.deep.equal({ [KEY]: union });
    });

    it('takes an item named like an Object.prototype member as an ordinary item', () => {
      const result = reconcile(new Map([[KEY, { constructor: MON }]]), new Map([[KEY, { at: 7, items: { doel: TUE } }]]), {});
      expect(plain(result.apply)[KEY]).to.deep.equal({ doel: TUE, constructor: MON });
    });

    it('sends this device’s change when the account still holds the copy it last saw', () => {
      const result = reconcile(new Map([[KEY, { doel: MON, agenda: TUE }]]), new Map([[KEY, { at: 7, items: { doel: MON } }]]), {
        [KEY]: 7,
      });
      expect(plain(result.push)).to.deep.equal({ [KEY]: { doel: MON, agenda: TUE } });
      expect(result.apply.size).to.equal(0);
    });

    it('takes another device’s newer change, unticks included', () => {
      const result = reconcile(new Map([[KEY, { doel: MON, agenda: TUE }]]), new Map([[KEY, { at: 9, items: { doel: MON } }]]), {
        [KEY]: 7,
      });
      expect(plain(result.apply)).to.deep.equal({ [KEY]: { doel: MON } });
      expect(result.push.size).to.equal(0);
    });

    it('does nothing where both already agree', () => {
      const result = reconcile(new Map([[KEY, { agenda: TUE, doel: MON }]]), new Map([[KEY, { at: 9, items: { doel: MON, agenda: TUE } }]]), {});
      expect(result.apply.size + result.push.size).to.equal(0);
      expect(plain(result.seen)).to.deep.equal({ [KEY]: 9 });
    });
  });

  it('compares progress regardless of key order', () => {
    expect(sameProgress({ a: MON, b: TUE }, { b: TUE, a: MON })).to.equal(true);
    expect(sameProgress({ a: MON }, { a: TUE })).to.equal(false);
    expect(sameProgress({ a: MON }, { a: MON, b: TUE })).to.equal(false);
    expect(sameProgress({}, undefined)).to.equal(true);
  });

  it('measures a record against the 8 KB of one sync item, name included, in UTF-8 bytes', () => {
    const ticks = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`punt-${i}`, MON]));
    expect(SYNC_ITEM_BYTES).to.equal(8192);
    expect(fitsSyncItem(`progress:${KEY}`, { at: Date.now(), items: ticks(9) })).to.equal(true);
    expect(fitsSyncItem(`progress:${KEY}`, { at: Date.now(), items: ticks(300) })).to.equal(false);
    // Exactly at the limit fits; one byte more does not. "é" is two bytes.
    const record = { at: 1, items: {} };
    const room = SYNC_ITEM_BYTES - JSON.stringify(record).length;
    expect(fitsSyncItem('x'.repeat(room), record)).to.equal(true);
    expect(fitsSyncItem('x'.repeat(room + 1), record)).to.equal(false);
    expect(fitsSyncItem(`${'x'.repeat(room - 1)}é`, record)).to.equal(false);
  });

  it("tells a rate limit from a full storage in the browsers' messages", () => {
    expect(syncProblem('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.')).to.equal('busy');
    expect(syncProblem('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.')).to.equal('busy');
    expect(syncProblem('QUOTA_BYTES quota exceeded')).to.equal('full');
    expect(syncProblem('QUOTA_BYTES_PER_ITEM quota exceeded')).to.equal('full');
    expect(syncProblem('QuotaExceededError: storage.sync API call exceeded its quota limitations.')).to.equal('full');
    expect(syncProblem('Network error')).to.equal('other');
  });

  it('accepts only well-formed sync records', () => {
    expect(isSyncRecord({ at: 1, items: { doel: MON } })).to.equal(true);
    for (const bad of [
      null,
      'x',
      { at: '1', items: {} },
      { at: Infinity, items: {} },
      { at: 1, items: [] },
      { at: 1, items: { 'Doel!': MON } },
      { at: 1, items: { doel: 1 } },
    ]) {
      expect(isSyncRecord(bad), JSON.stringify(bad)).to.equal(false);
    }
  });
});
