import { expect, waitUntil } from '@open-wc/testing';
import {
  createFavouritesStore,
  createProgressStore,
  createRecordStore,
  joinItems,
  pruneProgress,
  type RecordStore,
  type StoreEvent,
} from '@netwerkkracht/core';
import { uniqueName } from '../fixtures/pack.js';

/** Resolves with the next event of `type` a store reports. */
function nextEvent<T>(store: { subscribe(l: (e: StoreEvent<T>) => void): () => void }, type: StoreEvent<T>['type']) {
  return new Promise<StoreEvent<T>>((resolve) => {
    const stop = store.subscribe((event) => {
      if (event.type === type) {
        stop();
        resolve(event);
      }
    });
  });
}

/** Replaces `indexedDB.open` for the duration of `run`: the fault is in the real browser API. */
async function withBrokenOpen<R>(fault: () => IDBOpenDBRequest, run: () => Promise<R>): Promise<R> {
  const original = IDBFactory.prototype.open;
  IDBFactory.prototype.open = fault;
  try {
    return await run();
  } finally {
    IDBFactory.prototype.open = original;
  }
}

/** Writes `key` while every IndexedDB put fails with QuotaExceededError (after one good write). */
async function writeWhileFull(store: RecordStore<number>, key: string, value: number): Promise<void> {
  await store.write('warm-up', 0);
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  try {
    await store.write(key, value);
  } finally {
    IDBObjectStore.prototype.put = original;
  }
}

describe('record store', () => {
  it('keeps records in IndexedDB across store instances', async () => {
    const name = uniqueName('nk-test');
    await createRecordStore<number>(name, { broadcast: false }).write('a', 1);
    const again = createRecordStore<number>(name, { broadcast: false });
    expect(await again.read('a')).to.equal(1);
    expect(again.mode).to.equal('indexeddb');
  });

  it("uses its own database, not idb-keyval's default keyval-store", async () => {
    const name = uniqueName('nk-test');
    await createRecordStore<number>(name, { broadcast: false }).write('a', 1);
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).to.include(name);
    expect(names).not.to.include('keyval-store');
  });

  it('keeps two instances (two tabs) in step through BroadcastChannel', async () => {
    const name = uniqueName('nk-test');
    const tabA = createRecordStore<string>(name);
    const tabB = createRecordStore<string>(name);
    const heardHere = nextEvent(tabA, 'change');
    const heard = nextEvent(tabB, 'change');
    await tabA.write('k', 'from A');
    // The tab that wrote hears its own change plainly; the other knows it came from elsewhere.
    expect(await heardHere).to.deep.equal({ type: 'change', key: 'k', value: 'from A' });
    expect(await heard).to.deep.equal({ type: 'change', key: 'k', value: 'from A', fromOtherTab: true });
    expect(await tabB.read('k')).to.equal('from A');
  });

  describe('when IndexedDB throws on open (Firefox private mode)', () => {
    it('falls back to memory, says so, and saves on the next successful write', async () => {
      const name = uniqueName('nk-test');
      const store = createRecordStore<number>(name, { broadcast: false });
      const modeEvent = nextEvent(store, 'mode');
      await withBrokenOpen(
        () => {
          throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
        },
        async () => {
          await store.write('a', 1);
          expect(store.mode).to.equal('memory');
          expect(await store.read('a')).to.equal(1);
        },
      );
      expect(await modeEvent).to.include({ type: 'mode', mode: 'memory' });
      await store.write('b', 2);
      expect(store.mode).to.equal('indexeddb');
      const fresh = createRecordStore<number>(name, { broadcast: false });
      expect(await fresh.read('a')).to.equal(1);
      expect(await fresh.read('b')).to.equal(2);
    });
  });

  it('saves a second write of a key made while the first is still being saved', async () => {
    const name = uniqueName('nk-test');
    const store = createRecordStore<number>(name, { broadcast: false });
    await store.write('warm-up', 0);
    const original = IDBObjectStore.prototype.put;
    let second: Promise<void> | undefined;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // The user ticks again while the first value is on its way to disk.
      second ??= store.write('k', 2);
      return original.apply(this, args);
    };
    try {
      await store.write('k', 1);
      await second;
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await createRecordStore<number>(name, { broadcast: false }).read('k')).to.equal(2);
  });

  describe('when a write fails with QuotaExceededError', () => {
    it('keeps the value in memory and reports memory mode', async () => {
      const store = createRecordStore<number>(uniqueName('nk-test'), { broadcast: false });
      await writeWhileFull(store, 'a', 1);
      expect(store.mode).to.equal('memory');
      expect(await store.read('a')).to.equal(1);
    });

    it('saves it by itself once IndexedDB takes writes again, without another write', async () => {
      const name = uniqueName('nk-test');
      const store = createRecordStore<number>(name, { broadcast: false });
      await writeWhileFull(store, 'a', 1);
      expect(store.mode).to.equal('memory');
      const back = nextEvent(store, 'mode');
      expect(await back).to.deep.equal({ type: 'mode', mode: 'indexeddb', error: undefined });
      expect(await createRecordStore<number>(name, { broadcast: false }).read('a')).to.equal(1);
    });
  });

  describe('when indexedDB is missing altogether', () => {
    it('works in memory', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
      try {
        const store = createRecordStore<number>(uniqueName('nk-test'), { broadcast: false });
        await store.write('a', 1);
        expect(await store.read('a')).to.equal(1);
        expect(store.mode).to.equal('memory');
      } finally {
        Object.defineProperty(globalThis, 'indexedDB', descriptor);
      }
    });
  });

  describe('when the connection closes under it (Safari)', () => {
    it('reopens the database and carries on', async () => {
      const name = uniqueName('nk-test');
      const store = createRecordStore<number>(name, { broadcast: false });
      await store.write('a', 1);
      // Close every connection to this database behind the store's back.
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
      });
      const original = IDBDatabase.prototype.transaction;
      let closed = false;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        if (!closed) {
          closed = true;
          throw new DOMException('The database connection is closing.', 'InvalidStateError');
        }
        return original.apply(this, args);
      } as IDBDatabase['transaction'];
      try {
        await store.write('b', 2);
      } finally {
        IDBDatabase.prototype.transaction = original;
        db.close();
      }
      expect(store.mode).to.equal('indexeddb');
      expect(await createRecordStore<number>(name, { broadcast: false }).read('b')).to.equal(2);
    });
  });
});

describe('record store operations', () => {
  it('update: changes a record from what it holds, one turn after another', async () => {
    const name = uniqueName('nk-test');
    const store = createRecordStore<number>(name, { broadcast: false });
    await store.write('n', 1);
    // Started together, before either has read: each adds to what the one before left.
    const results = await Promise.all([store.update('n', (n) => (n ?? 0) + 1), store.update('n', (n) => (n ?? 0) + 10)]);
    expect(results).to.deep.equal([2, 12]);
    expect(await createRecordStore<number>(name, { broadcast: false }).read('n')).to.equal(12);
  });

  it('update: writes nothing when the change gives back the same value', async () => {
    const store = createRecordStore<number>(uniqueName('nk-test'), { broadcast: false });
    await store.write('n', 1);
    const heard: unknown[] = [];
    store.subscribe((event) => heard.push(event));
    expect(await store.update('n', (n) => n)).to.equal(1);
    expect(heard).to.deep.equal([]);
  });

  it('setMany: stores several records, tells of each, and deletes the undefined ones', async () => {
    const name = uniqueName('nk-test');
    const store = createRecordStore<string>(name, { broadcast: false });
    await store.write('gone', 'x');
    const keys: string[] = [];
    store.subscribe((event) => event.type === 'change' && keys.push(event.key));
    await store.setMany([
      ['a', 'A'],
      ['b', 'B'],
      ['gone', undefined],
    ]);
    expect(keys).to.deep.equal(['a', 'b', 'gone']);
    const fresh = createRecordStore<string>(name, { broadcast: false });
    expect(Object.fromEntries(await fresh.readAll())).to.deep.equal({ a: 'A', b: 'B' });
  });

  it('updateMany: changes several records in one turn', async () => {
    const name = uniqueName('nk-test');
    const store = createRecordStore<number>(name, { broadcast: false });
    await store.setMany([
      ['a', 1],
      ['b', 2],
    ]);
    const [both] = await Promise.all([
      store.updateMany(['a', 'b'], (now) => new Map([...now].map(([key, n]) => [key, (n ?? 0) * 10]))),
      store.update('b', (n) => (n ?? 0) + 1),
    ]);
    expect(Object.fromEntries(both)).to.deep.equal({ a: 10, b: 20 });
    expect(Object.fromEntries(await createRecordStore<number>(name, { broadcast: false }).readAll())).to.deep.equal({ a: 10, b: 21 });
  });
});

describe('progress store', () => {
  it('adds a tick made while the checklist could not be read to the stored ticks, not in their place', async () => {
    const name = uniqueName('nk-test');
    const earlier = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    await earlier.setItem('p', 'c', 'a', true);
    await earlier.setItem('p', 'c', 'b', true);
    // A later page: its first two reads fail ("the database connection is closing", then again).
    const later = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    const original = IDBObjectStore.prototype.get;
    let failures = 2;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
      if (failures-- > 0) throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return original.apply(this, args);
    };
    try {
      await later.setItem('p', 'c', 'x', true);
    } finally {
      IDBObjectStore.prototype.get = original;
    }
    const fresh = createProgressStore(createRecordStore(name, { broadcast: false }));
    expect(Object.keys(await fresh.get('p', 'c')).sort()).to.deep.equal(['a', 'b', 'x']);
    expect(Object.keys(await later.get('p', 'c')).sort()).to.deep.equal(['a', 'b', 'x']);
  });

  it('keeps both ticks when two are made at once, also before the first read is answered', async () => {
    const name = uniqueName('nk-progress');
    const store = createProgressStore(createRecordStore(name, { broadcast: false }));
    // Nothing read yet: both start while IndexedDB is still being opened.
    const [first, second] = await Promise.all([store.setItem('p', 'c', 'a', true), store.setItem('p', 'c', 'b', true)]);
    expect(Object.keys(first)).to.deep.equal(['a']);
    expect(Object.keys(second).sort()).to.deep.equal(['a', 'b']);
    // A tick and an untick of another item in the same task, and a reset queued behind them.
    await Promise.all([store.setItem('p', 'c', 'c', true), store.setItem('p', 'c', 'a', false)]);
    expect(Object.keys(await store.get('p', 'c')).sort()).to.deep.equal(['b', 'c']);
    const fresh = createProgressStore(createRecordStore(name, { broadcast: false }));
    expect(Object.keys(await fresh.get('p', 'c')).sort()).to.deep.equal(['b', 'c']);
    await Promise.all([store.setItem('p', 'c', 'd', true), store.reset('p', 'c')]);
    expect(await store.get('p', 'c')).to.deep.equal({});
  });

  it('ticks, unticks, resets, and keeps the tick time', async () => {
    const store = createProgressStore(createRecordStore(uniqueName('nk-progress'), { broadcast: false }));
    let progress = await store.setItem('pack', 'list', 'a', true);
    expect(Object.keys(progress)).to.deep.equal(['a']);
    expect(Date.parse(progress.a!)).to.be.closeTo(Date.now(), 60_000);
    progress = await store.setItem('pack', 'list', 'b', true);
    progress = await store.setItem('pack', 'list', 'a', false);
    expect(Object.keys(progress)).to.deep.equal(['b']);
    expect(await store.get('pack', 'other')).to.deep.equal({});
    await store.reset('pack', 'list');
    expect(await store.get('pack', 'list')).to.deep.equal({});
  });

  it('exports and imports progress as JSON', async () => {
    const from = createProgressStore(createRecordStore(uniqueName('nk-progress'), { broadcast: false }));
    await from.setItem('pack', 'list', 'a', true);
    const file = JSON.parse(JSON.stringify(await from.exportProgress()));
    const to = createProgressStore(createRecordStore(uniqueName('nk-progress'), { broadcast: false }));
    expect(await to.importProgress(file)).to.equal(1);
    expect(Object.keys(await to.get('pack', 'list'))).to.deep.equal(['a']);
  });

  it('refuses an import that is not an export, changing nothing', async () => {
    const store = createProgressStore(createRecordStore(uniqueName('nk-progress'), { broadcast: false }));
    await store.setItem('pack', 'list', 'a', true);
    let error: unknown;
    try {
      await store.importProgress({ format: 'netwerkkracht-progress', version: 1, checklists: { 'pack/list': { a: 5 } } });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/damaged/);
    expect(Object.keys(await store.get('pack', 'list'))).to.deep.equal(['a']);
  });

  it('sets several checklists at once, replacing their ticks', async () => {
    const name = uniqueName('nk-progress');
    const store = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    await store.setItem('p', 'one', 'old', true);
    await store.setMany({ 'p/one': { a: '2024-05-01T10:00:00.000Z' }, 'p/two': { b: '2024-05-02T10:00:00.000Z' } });
    const fresh = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect(await fresh.get('p', 'one')).to.deep.equal({ a: '2024-05-01T10:00:00.000Z' });
    expect(await fresh.get('p', 'two')).to.deep.equal({ b: '2024-05-02T10:00:00.000Z' });
  });

  it('drops ticks of items a changed pack no longer has', () => {
    const pruned = pruneProgress(
      { a: 'x', gone: 'y' },
      {
        items: [
          { id: 'a', text: 'A' },
          { id: 'new', text: 'N' },
        ],
      },
    );
    expect(pruned).to.deep.equal({ a: 'x' });
  });
});

describe('two tabs changing one record at once', () => {
  /** Two stores on one database, each with its own BroadcastChannel: two tabs, as far as they can tell. */
  const tabs = (name: string) => [createRecordStore(name, { join: joinItems }), createRecordStore(name, { join: joinItems })] as const;
  const sorted = (progress: Record<string, string>) => Object.keys(progress).sort();
  const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });

  it('keeps every tick of different items made at the same moment, in both tabs and on disk', async () => {
    const name = uniqueName('nk-progress');
    const [one, two] = tabs(name).map((records) => createProgressStore(records));
    await Promise.all([one!.get('p', 'c'), two!.get('p', 'c')]);
    const ids = Array.from({ length: 24 }, (_, i) => `item-${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? one! : two!).setItem('p', 'c', id, true)));
    const fresh = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect(sorted(await fresh.get('p', 'c')), 'on disk').to.deep.equal([...ids].sort());
    let seen: string[][] = [];
    await until(async () => {
      seen = [sorted(await one!.get('p', 'c')), sorted(await two!.get('p', 'c'))];
      return seen.every((list) => list.length === ids.length);
    }, 'both tabs see every tick');
    expect(seen).to.deep.equal([[...ids].sort(), [...ids].sort()]);
  });

  it('lets the later change of an item win: an untick after a tick in the other tab', async () => {
    const name = uniqueName('nk-progress');
    const [one, two] = tabs(name).map((records) => createProgressStore(records));
    await one!.setItem('p', 'c', 'x', true);
    await until(async () => (await two!.get('p', 'c')).x, 'the other tab hears the tick');
    await Promise.all([two!.setItem('p', 'c', 'x', false), one!.setItem('p', 'c', 'y', true)]);
    await until(async () => sorted(await two!.get('p', 'c')).join() === 'y' && sorted(await one!.get('p', 'c')).join() === 'y', 'both tabs: only y');
    const fresh = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect(sorted(await fresh.get('p', 'c'))).to.deep.equal(['y']);
  });

  it('keeps favourites chosen at the same moment in two tabs', async () => {
    const name = uniqueName('nk-favourites');
    const [one, two] = tabs(name).map((records) => createFavouritesStore(records));
    await Promise.all([one!.read('p'), two!.read('p')]);
    const ids = Array.from({ length: 12 }, (_, i) => `tip-${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? one! : two!).setFavourite('p', id, true)));
    await one!.setFavourite('p', 'tip-0', false);
    const want = ids.slice(1).sort();
    await until(async () => [await one!.read('p'), await two!.read('p')].every((list) => [...(list ?? [])].sort().join() === want.join()), 'both tabs agree');
    const fresh = createFavouritesStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect([...((await fresh.read('p')) ?? [])].sort()).to.deep.equal(want);
  });

  it('does not ask a failing IndexedDB again for every tick once the page holds the checklist', async () => {
    const name = uniqueName('nk-progress');
    const store = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    const original = IDBObjectStore.prototype.get;
    let reads = 0;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore) {
      // Reads only: a save's read-modify-write runs in a read-write transaction.
      if (this.transaction.mode === 'readonly') reads++;
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    };
    let afterFirst = 0;
    try {
      await store.setItem('p', 'c', 'a', true);
      afterFirst = reads;
      await store.setItem('p', 'c', 'b', true);
      await store.setItem('p', 'c', 'a', false);
    } finally {
      IDBObjectStore.prototype.get = original;
    }
    expect(afterFirst, 'the first tick tried to read').to.be.above(0);
    expect(reads - afterFirst, 'reads for the later ticks').to.equal(0);
    expect(sorted(await store.get('p', 'c'))).to.deep.equal(['b']);
    // IndexedDB works again: the next tick saves them all.
    await store.setItem('p', 'c', 'c', true);
    const fresh = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect(sorted(await fresh.get('p', 'c'))).to.deep.equal(['b', 'c']);
  });

  it('reads and extends records saved in the format before items carried their time', async () => {
    const name = uniqueName('nk-progress');
    const old = createRecordStore<unknown>(name, { broadcast: false });
    await old.write('p/c', { a: '2024-05-01T10:00:00.000Z' });
    await old.write('p', ['risks', 'follow-up']);
    const progress = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect(await progress.get('p', 'c')).to.deep.equal({ a: '2024-05-01T10:00:00.000Z' });
    await progress.setItem('p', 'c', 'b', true);
    const favourites = createFavouritesStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect(await favourites.read('p')).to.deep.equal(['risks', 'follow-up']);
    expect(await favourites.setFavourite('p', 'risks', false)).to.deep.equal(['follow-up']);
    const fresh = createProgressStore(createRecordStore(name, { broadcast: false, join: joinItems }));
    expect(sorted(await fresh.get('p', 'c'))).to.deep.equal(['a', 'b']);
    expect((await fresh.get('p', 'c')).a).to.equal('2024-05-01T10:00:00.000Z');
  });
});
