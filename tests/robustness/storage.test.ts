// Storage faults injected into the real IndexedDB (its prototype methods wrapped, and restored
// afterwards), with a real checklist ticked through them: progress keeps working in memory, the
// user is told, and the next successful write saves every tick.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createProgressStore, createRecordStore, type ItemRecord, type Pack, type ProgressStore } from '@netwerkkracht/core';
import '../../packages/components/src/nk-network-checklist/nk-network-checklist.js';
import type { NkNetworkChecklist } from '../../packages/components/src/nk-network-checklist/nk-network-checklist.js';
import { uniqueName } from '../fixtures/pack.js';
import { $$, boxes, ownBasePack, text, until } from '../components/harness.js';
import { watchPage } from './corpus.js';

const notice = (el: Element) => $$(el, '[part=notice]').find((p) => /not being saved/.test(p.textContent!));

/** Short, so that a test about a blocked database does not wait the default 3 s. */
const OPEN_TIMEOUT = 300;

/** A pack, a progress store and a database of this test's own. */
function setup() {
  const database = uniqueName('nk-robust-progress');
  const pack = ownBasePack();
  const store = createProgressStore(createRecordStore<ItemRecord>(database, { broadcast: false, openTimeout: OPEN_TIMEOUT }));
  return { database, pack, store };
}

async function checklist(pack: Pack, store: ProgressStore) {
  const el = await fixture<NkNetworkChecklist>(
    html`<nk-network-checklist lang="en" .packData=${pack} .store=${store} checklist="meeting"></nk-network-checklist>`,
  );
  await until(() => boxes(el).length === 2, 'the checklist renders');
  return el;
}

/** Ticks item `index` the way a person does, and waits until the element reports it. */
async function tick(el: NkNetworkChecklist, index: number) {
  const changed = oneEvent(el, 'nk-progress-change');
  boxes(el)[index]!.click();
  return (await changed).detail;
}

/** What IndexedDB holds, read by a store that has never seen this page's memory. */
async function stored(database: string, pack: Pack): Promise<string[]> {
  const progress = await createProgressStore(createRecordStore(database, { broadcast: false })).get(pack.id, 'meeting');
  return Object.keys(progress).sort();
}

/** Replaces `method` on `proto` until the returned function is called. */
function wrap<T extends object, K extends keyof T>(proto: T, method: K, replacement: (original: T[K]) => T[K]): () => void {
  const original = proto[method];
  proto[method] = replacement(original);
  return () => {
    proto[method] = original;
  };
}

/** Opens `name` and resolves with the connection, as another tab would. */
function openAsOtherTab(name: string, version?: number, upgrade?: (db: IDBDatabase) => void) {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = version ? indexedDB.open(name, version) : indexedDB.open(name);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The common story: the page opens with storage broken; ticking works and the user is told; once
 * storage works again, the next tick saves both.
 */
async function survives(breakStorage: () => () => void) {
  const { database, pack, store } = setup();
  const repair = breakStorage();
  try {
    const el = await checklist(pack, store);
    expect(await tick(el, 0)).to.include({ itemId: 'agenda', checked: true, done: 1 });
    expect(boxes(el)[0]!.checked).to.equal(true);
    expect(text(el, '[part=progress-text]')).to.equal('1 of 2 done');
    expect(store.mode).to.equal('memory');
    await until(() => notice(el), 'the user is told progress is not being saved');
    expect(notice(el)!.closest('[role=status]'), 'the notice is announced (in a live region)').to.exist;
  } finally {
    repair();
  }
  const el = document.querySelector<NkNetworkChecklist>('nk-network-checklist')!;
  expect(await tick(el, 1)).to.include({ itemId: 'invite', checked: true, done: 2 });
  expect(store.mode).to.equal('indexeddb');
  await until(() => !notice(el), 'the notice goes once progress is saved again');
  expect(await stored(database, pack)).to.deep.equal(['agenda', 'invite']);
}

describe('progress when IndexedDB fails', () => {
  const page = watchPage();
  beforeEach(() => page.start());
  afterEach(() => {
    page.stop();
    expect(page.errors, 'uncaught errors').to.deep.equal([]);
  });

  it('works in memory when indexedDB is missing, and saves once it is back', async () => {
    await survives(() => {
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
      return () => Object.defineProperty(globalThis, 'indexedDB', descriptor);
    });
  });

  it('works in memory when open() throws (Firefox private mode)', async () => {
    await survives(() =>
      wrap(IDBFactory.prototype, 'open', () => () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      }),
    );
  });

  it('works in memory when open() fails later with an error event', async () => {
    // A real failing request: asking for a lower version than the database has gives a VersionError event.
    const newer = uniqueName('nk-robust-newer');
    (await openAsOtherTab(newer, 5)).close();
    await survives(() =>
      wrap(
        IDBFactory.prototype,
        'open',
        (open) =>
          function (this: IDBFactory) {
            return open.call(this, newer, 1);
          },
      ),
    );
  });

  it('works in memory when a write hits QuotaExceededError', async () => {
    await survives(() =>
      wrap(IDBObjectStore.prototype, 'put', () => () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }),
    );
  });

  it('works in memory when every transaction aborts with QuotaExceededError', async () => {
    await survives(() =>
      wrap(
        IDBObjectStore.prototype,
        'put',
        (put) =>
          function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            const request = put.apply(this, args);
            this.transaction.abort();
            return request;
          },
      ),
    );
  });

  it('reopens and saves when the connection closes mid-write once (Safari)', async () => {
    const { database, pack, store } = setup();
    const el = await checklist(pack, store);
    await tick(el, 0);
    let closed = 0;
    const repair = wrap(
      IDBObjectStore.prototype,
      'put',
      (put) =>
        function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          const request = put.apply(this, args);
          if (!closed++) {
            // The write is lost with the connection: the transaction aborts and the handle is dead.
            this.transaction.abort();
            this.transaction.db.close();
          }
          return request;
        },
    );
    try {
      await tick(el, 1);
    } finally {
      repair();
    }
    expect(closed).to.be.at.least(2);
    expect(store.mode).to.equal('indexeddb');
    expect(notice(el)).to.equal(undefined);
    expect(await stored(database, pack)).to.deep.equal(['agenda', 'invite']);
  });

  it('works in memory while the connection keeps closing mid-write, and saves once it holds', async () => {
    await survives(() =>
      wrap(
        IDBObjectStore.prototype,
        'put',
        (put) =>
          function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            const request = put.apply(this, args);
            this.transaction.abort();
            this.transaction.db.close();
            return request;
          },
      ),
    );
  });

  it('does not block another tab that upgrades the database, and saves afterwards', async () => {
    const { database, pack, store } = setup();
    const el = await checklist(pack, store);
    await tick(el, 0);
    // A newer version of the page in another tab upgrades the database. Our open connection must
    // step aside (versionchange), or that tab waits forever.
    let blocked = false;
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database, 2);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      setTimeout(() => reject(new Error('the other tab is still blocked after 3 s')), 3000);
    });
    other.close();
    expect(blocked, 'our connection held up the upgrade').to.equal(false);
    await tick(el, 1);
    expect(store.mode).to.equal('indexeddb');
    expect(await stored(database, pack)).to.deep.equal(['agenda', 'invite']);
  });

  it("works in memory while another tab's blocked upgrade holds the database, and saves afterwards", async () => {
    const { database, pack, store } = setup();
    // Tab C has the database open and ignores versionchange; tab B wants version 2 and waits for C.
    const tabC = await openAsOtherTab(database, 1, (db) => db.createObjectStore('records'));
    tabC.onversionchange = null;
    let upgraded: IDBDatabase | undefined;
    const tabB = indexedDB.open(database, 2);
    tabB.onsuccess = () => {
      upgraded = tabB.result;
      upgraded.close();
    };
    const el = await checklist(pack, store);
    try {
      // Our open waits behind B's upgrade; we must not wait with it.
      expect(await tick(el, 0)).to.include({ itemId: 'agenda', checked: true });
      expect(store.mode).to.equal('memory');
      await until(() => notice(el), 'the user is told progress is not being saved');
      expect(text(el, '[part=progress-text]')).to.equal('1 of 2 done');
    } finally {
      tabC.close();
    }
    await until(() => upgraded, "the other tab's upgrade goes through");
    await tick(el, 1);
    expect(store.mode).to.equal('indexeddb');
    await until(() => !notice(el), 'the notice goes');
    expect(await stored(database, pack)).to.deep.equal(['agenda', 'invite']);
  });
});
