// Every pack of the hostile corpus through the core: decoding + validation, and loadPack from a
// real (test) server, with and without a last good copy in the cache.
import { expect } from '@open-wc/testing';
import { createRecordStore, decodePackBytes, formatIssue, loadPack, parsePack, PackLoadError, type CachedPack, type Pack } from '@netwerkkracht/core';
import { uniqueName } from '../fixtures/pack.js';
import { basePack, CORPUS, hostileUrl, packBytes, watchPage } from './corpus.js';

let cacheName = '';
const freshCache = () => createRecordStore<CachedPack>((cacheName = uniqueName('nk-robust-packs')), { broadcast: false });
/** A readable message is one line a person can read: not a megabyte of the pack echoed back. */
const MAX_MESSAGE = 400;
const MAX_FREEZE_MS = 2000;

async function rejection(promise: Promise<unknown>): Promise<PackLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(PackLoadError);
    return error as PackLoadError;
  }
  throw new Error('expected a rejection');
}

describe('hostile packs through the core', () => {
  const page = watchPage();
  beforeEach(() => page.start());
  afterEach(function () {
    page.stop();
    expect(page.errors, 'uncaught errors').to.deep.equal([]);
    expect(page.longestFreeze, `the page froze during "${this.currentTest?.title}"`).to.be.below(MAX_FREEZE_MS);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
  });

  describe('decode + validate (what the CLI and loadPack run)', () => {
    for (const entry of CORPUS.filter((e) => !e.size)) {
      it(`${entry.expect}s ${entry.name}`, () => {
        let outcome: { ok: boolean; message: string };
        try {
          const result = parsePack(decodePackBytes(packBytes(entry)));
          outcome = { ok: result.ok, message: result.ok ? '' : result.issues.map(formatIssue).join('\n') };
        } catch (error) {
          // decodePackBytes throws a readable Error for an encoding it cannot read; nothing else may throw.
          outcome = { ok: false, message: (error as Error).message };
          expect(outcome.message).to.match(/not UTF-8/);
        }
        if (entry.expect === 'accept') {
          expect(outcome.ok, outcome.message).to.equal(true);
        } else {
          expect(outcome.ok).to.equal(false);
          expect(outcome.message).to.match(entry.message!);
          for (const line of outcome.message.split('\n')) expect(line.length, line.slice(0, 200)).to.be.below(MAX_MESSAGE);
        }
      });
    }
  });

  describe('loadPack from a server, nothing cached', () => {
    for (const entry of CORPUS) {
      it(`${entry.expect}s ${entry.name}`, async () => {
        const cache = freshCache();
        const url = hostileUrl(entry.name, 'no-cache');
        if (entry.expect === 'reject') {
          const error = await rejection(loadPack(url, { cache }));
          expect(error.message).to.match(entry.message!);
          expect(error.message.length, error.message.slice(0, 200)).to.be.below(MAX_MESSAGE);
          expect(error.issues.every((issue) => formatIssue(issue).length < MAX_MESSAGE)).to.equal(true);
          expect(await cache.read(url), 'a refused pack is never cached').to.equal(undefined);
        } else {
          const loaded = await loadPack(url, { cache });
          expect(loaded.origin).to.equal('network');
          expect(loaded.pack.schemaVersion).to.equal(1);
          // The accepted pack is the last good copy from now on, also for the next visit.
          expect(cache.mode, 'the cache still writes to IndexedDB').to.equal('indexeddb');
          const nextVisit = createRecordStore<CachedPack>(cacheName, { broadcast: false });
          // Except 100 000 levels of nesting, which Chromium's IndexedDB cannot clone (next test).
          if (!entry.name.startsWith('deep-')) expect((await nextVisit.read(url))?.pack.id).to.equal(loaded.pack.id);
        }
      });
    }
  });

  it('keeps caching other packs after one that cannot be stored (100 000 levels deep)', async () => {
    const cache = freshCache();
    for (const name of ['deep-array-100000', 'deep-object-100000-in-tip']) await loadPack(hostileUrl(name, 'then-more'), { cache });
    const next = hostileUrl('utf8-bom', 'after-deep');
    await loadPack(next, { cache });
    expect(cache.mode).to.equal('indexeddb');
    const nextVisit = createRecordStore<CachedPack>(cacheName, { broadcast: false });
    expect((await nextVisit.read(next))?.pack.id, 'the pack after the deep ones is kept for the next visit').to.equal('hostile-base');
  });

  describe('loadPack from a server, with a last good copy cached', () => {
    for (const entry of CORPUS) {
      it(`${entry.expect === 'reject' ? 'keeps the good copy and says why' : 'takes the new pack'}: ${entry.name}`, async () => {
        const cache = freshCache();
        const url = hostileUrl(entry.name, 'cached');
        const good = { ...basePack(), id: 'last-good', title: 'Last good pack' } as Pack;
        await cache.write(url, { pack: good, storedAt: new Date().toISOString() });
        const loaded = await loadPack(url, { cache });
        if (entry.expect === 'reject') {
          expect(loaded.origin).to.equal('cache');
          expect(loaded.pack.title).to.equal('Last good pack');
          expect(loaded.problem?.message).to.match(entry.message!);
          expect((await cache.read(url))?.pack.title, 'the good copy stays cached').to.equal('Last good pack');
        } else {
          expect(loaded.origin).to.equal('network');
          expect(loaded.pack.id).to.equal('hostile-base');
          expect((await cache.read(url))?.pack.id).to.equal('hostile-base');
        }
      });
    }
  });
});
