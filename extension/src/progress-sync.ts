// Checklist progress in step across the user's devices through storage.sync, once they switch it
// on in the options. Each checklist is one sync item (`progress:packId/checklistId` → {at, items}),
// far inside the per-item (8 KB) and total (100 KB) quotas; a write the browser refuses leaves the
// ticks on this device, says why in the options, and is sent again at the next start.
import { isProgressKey, sharedProgressStore, type ChecklistProgress, type ProgressStore, type StoreEvent } from '@netwerkkracht/core';
import { browser } from './platform.js';
import { fitsSyncItem, isSyncRecord, reconcile, sameProgress, SYNC_PREFIX, type SyncRecord } from './progress-merge.js';
import { getSettings, saveSettings, type Settings } from './settings.js';

/** A running sync; `ready` settles once this device and storage.sync have been brought in step. */
export interface ProgressSync {
  ready: Promise<void>;
  stop(): void;
}

/** What a running sync knows. */
interface Sync {
  store: ProgressStore;
  /** What storage.sync holds, as far as this page knows: a local change equal to it is not sent back. */
  known: Map<string, ChecklistProgress>;
  /** Per checklist, the `at` of the sync record this device last wrote or took. */
  syncedAt: Record<string, number>;
  stopped: boolean;
  /** Jobs run one at a time, in order. */
  queue: Promise<void>;
  /**
   * The `at` of this page's writes still under way. Their own change events can come in before
   * the write has finished; taken as news, they would undo ticks made in the meantime.
   */
  writing: Map<string, number>;
  /** Checklists whose progress is too large for one sync item: they stay on this device. */
  tooLarge: Set<string>;
  /** Local changes waiting to be sent, the latest per checklist: a burst of ticks is one write. */
  outgoing: Map<string, ChecklistProgress>;
  sendQueued: boolean;
}

/** The checklist records in `items` (from storage.sync), leaving out anything damaged. */
function syncRecords(items: Record<string, unknown>): Map<string, SyncRecord> {
  const records = new Map<string, SyncRecord>();
  for (const [name, value] of Object.entries(items)) {
    const key = name.slice(SYNC_PREFIX.length);
    if (name.startsWith(SYNC_PREFIX) && isProgressKey(key) && isSyncRecord(value)) records.set(key, value);
  }
  return records;
}

/** How the last job went, for the options page. */
function status(sync: Sync, error?: unknown): NonNullable<Settings['syncStatus']> {
  const at = Date.now();
  if (error !== undefined) return { ok: false, at, message: String((error as Error | undefined)?.message ?? error) };
  if (sync.store.mode !== 'indexeddb') return { ok: false, at, localFailed: true };
  if (sync.tooLarge.size) return { ok: false, at, tooLarge: [...sync.tooLarge] };
  return { ok: true, at };
}

/** Runs `job` after the ones before it; a failure is reported, never thrown. Once stopped, nothing is reported. */
function later(sync: Sync, job: () => Promise<void>): Promise<void> {
  const report = (error?: unknown) => saveSettings({ syncedAt: sync.syncedAt, syncStatus: status(sync, error) });
  sync.queue = sync.queue.then(job).then(
    () => (sync.stopped ? undefined : report()),
    (error: unknown) => (sync.stopped ? undefined : report(error).catch(() => undefined)),
  );
  return sync.queue;
}

/** The sync items for `changes`, leaving out (and noting) those too large for one item. */
function fittingRecords(sync: Sync, changes: Map<string, ChecklistProgress>, at: number): Map<string, SyncRecord> {
  const records = new Map<string, SyncRecord>();
  for (const [key, items] of changes) {
    // The browser would refuse the whole write for one oversized item; the rest still goes.
    if (fitsSyncItem(SYNC_PREFIX + key, { at, items })) {
      records.set(key, { at, items });
      sync.tooLarge.delete(key);
    } else sync.tooLarge.add(key);
  }
  return records;
}

/** Writes `changes` to storage.sync in one write. */
async function push(sync: Sync, changes: Map<string, ChecklistProgress>): Promise<void> {
  if (!changes.size || sync.stopped) return;
  const at = Date.now();
  const records = fittingRecords(sync, changes, at);
  if (!records.size) return;
  for (const key of records.keys()) sync.writing.set(key, at);
  try {
    await browser.storage.sync.set(Object.fromEntries([...records].map(([key, record]) => [SYNC_PREFIX + key, record])));
  } finally {
    for (const key of records.keys()) if (sync.writing.get(key) === at) sync.writing.delete(key);
  }
  for (const [key, record] of records) {
    sync.known.set(key, record.items);
    sync.syncedAt[key] = at;
  }
}

/** Queues a local change to be sent with the others made before the queue gets to it. */
function send(sync: Sync, key: string, items: ChecklistProgress): void {
  sync.outgoing.set(key, items);
  if (sync.sendQueued) return;
  sync.sendQueued = true;
  void later(sync, async () => {
    sync.sendQueued = false;
    const batch = new Map([...sync.outgoing].filter(([name, ticks]) => !sameProgress(ticks, sync.known.get(name))));
    sync.outgoing.clear();
    await push(sync, batch);
  });
}

/**
 * Writes records from storage.sync to this device, in one write. With `recheck`, only what
 * storage.sync still holds: an event may be overtaken by a later write (from here or elsewhere)
 * while it waited its turn, and the later write brings its own event.
 */
async function take(sync: Sync, changes: Map<string, SyncRecord>, { recheck = true } = {}): Promise<void> {
  if (!changes.size || sync.stopped) return;
  let current = changes;
  if (recheck) {
    const now = syncRecords(await browser.storage.sync.get([...changes.keys()].map((key) => SYNC_PREFIX + key)));
    current = new Map([...changes].filter(([key, record]) => now.get(key)?.at === record.at));
  }
  if (!current.size) return;
  for (const [key, record] of current) sync.known.set(key, record.items);
  await sync.store.setMany(Object.fromEntries([...current].map(([key, record]) => [key, record.items])));
}

/** Brings this device and storage.sync in step: at the start, and when IndexedDB works again. */
async function reconcileAll(sync: Sync): Promise<void> {
  const [exported, everything] = await Promise.all([sync.store.exportProgress(), browser.storage.sync.get(null)]);
  const remote = syncRecords(everything);
  for (const [key, record] of remote) sync.known.set(key, record.items);
  const { apply, push: mine, seen } = reconcile(new Map(Object.entries(exported.checklists)), remote, sync.syncedAt);
  for (const [key, at] of seen) sync.syncedAt[key] = at;
  await take(sync, new Map([...apply].map(([key, items]) => [key, { at: remote.get(key)?.at ?? 0, items }])), { recheck: false });
  // This device's ticks could not be read (IndexedDB failed): what looks like "nothing ticked"
  // must not be sent over the account's copy. Sending waits until IndexedDB works again.
  if (sync.store.mode !== 'indexeddb') return;
  await push(sync, mine);
}

/** A change in this page's progress store: sent on, unless it came from storage.sync or elsewhere. */
function onLocalChange(sync: Sync, event: StoreEvent<ChecklistProgress>): void {
  if (sync.stopped) return;
  if (event.type === 'mode') {
    if (event.mode === 'indexeddb') void later(sync, () => reconcileAll(sync));
    return;
  }
  // Another extension page (a second panel, the options page) sends its own changes.
  if (event.fromOtherTab || !isProgressKey(event.key) || sync.store.mode !== 'indexeddb') return;
  const items = event.value ?? {};
  if (!sameProgress(items, sync.known.get(event.key))) send(sync, event.key, items);
}

/** A change in storage.sync: taken, unless it is this page's own write or already known. */
function onSyncChange(sync: Sync, changes: Record<string, { newValue?: unknown }>, area: string): void {
  if (sync.stopped || area !== 'sync') return;
  const incoming = new Map<string, SyncRecord>();
  for (const [key, record] of syncRecords(Object.fromEntries(Object.entries(changes).map(([name, change]) => [name, change.newValue])))) {
    if (sync.writing.get(key) === record.at) continue;
    sync.syncedAt[key] = record.at;
    if (!sameProgress(record.items, sync.known.get(key))) incoming.set(key, record);
  }
  // A checklist removed from sync (another device reset its account) keeps its ticks here.
  if (incoming.size) void later(sync, () => take(sync, incoming));
}

/** Starts keeping this page's progress store and storage.sync in step. */
export function startProgressSync(): ProgressSync {
  const sync: Sync = {
    store: sharedProgressStore(),
    known: new Map(),
    syncedAt: {},
    stopped: false,
    queue: Promise.resolve(),
    writing: new Map(),
    tooLarge: new Set(),
    outgoing: new Map(),
    sendQueued: false,
  };
  const unsubscribe = sync.store.subscribe((event) => onLocalChange(sync, event));
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => onSyncChange(sync, changes, area);
  browser.storage.onChanged.addListener(onChanged);
  const ready = later(sync, async () => {
    sync.syncedAt = { ...(await getSettings()).syncedAt };
    await reconcileAll(sync);
  });
  return {
    ready,
    stop() {
      sync.stopped = true;
      unsubscribe();
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
