// Checklist progress in step across the user's devices through storage.sync, once they switch it
// on in the options. Each checklist is one sync item (`progress:packId/checklistId` → {at, items}),
// far inside the per-item (8 KB) and total (100 KB) quotas; a write the browser refuses leaves the
// ticks on this device, says why in the options, and is sent again at the next start.
import { isProgressKey, sharedProgressStore, type ChecklistProgress } from '@netwerkkracht/core';
import { browser } from './platform.js';
import { fitsSyncItem, isSyncRecord, reconcile, sameProgress, SYNC_PREFIX, type SyncRecord } from './progress-merge.js';
import { getSettings, saveSettings, type Settings } from './settings.js';

/** A running sync; `ready` settles once this device and storage.sync have been brought in step. */
export interface ProgressSync {
  ready: Promise<void>;
  stop(): void;
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

/** Starts keeping this page's progress store and storage.sync in step. */
export function startProgressSync(): ProgressSync {
  const store = sharedProgressStore();
  /** What storage.sync holds, as far as this page knows: a local change equal to it is not sent back. */
  const known = new Map<string, ChecklistProgress>();
  let syncedAt: Record<string, number> = {};
  let stopped = false;
  let queue = Promise.resolve();

  /**
   * The `at` of this page's writes still under way. Their own change events can come in before
   * the write has finished; taken as news, they would undo ticks made in the meantime.
   */
  const writing = new Map<string, number>();
  /** Checklists whose progress is too large for one sync item: they stay on this device. */
  const tooLarge = new Set<string>();
  /** Local changes waiting to be sent, the latest per checklist: a burst of ticks is one write. */
  const outgoing = new Map<string, ChecklistProgress>();
  let sendQueued = false;

  /** How the last job went, for the options page. */
  const status = (error?: unknown): NonNullable<Settings['syncStatus']> => {
    const at = Date.now();
    if (error !== undefined) return { ok: false, at, message: String((error as Error | undefined)?.message ?? error) };
    if (store.mode !== 'indexeddb') return { ok: false, at, localFailed: true };
    if (tooLarge.size) return { ok: false, at, tooLarge: [...tooLarge] };
    return { ok: true, at };
  };
  const report = (error?: unknown) => saveSettings({ syncedAt, syncStatus: status(error) });

  /** Runs `job` after the ones before it; a failure is reported, never thrown. Once stopped, nothing is reported. */
  const later = (job: () => Promise<void>) => {
    queue = queue.then(job).then(
      () => (stopped ? undefined : report()),
      (error: unknown) => (stopped ? undefined : report(error).catch(() => undefined)),
    );
    return queue;
  };

  async function push(changes: Map<string, ChecklistProgress>): Promise<void> {
    if (!changes.size || stopped) return;
    const at = Date.now();
    const records: Record<string, SyncRecord> = {};
    const sent = new Map<string, ChecklistProgress>();
    for (const [key, items] of changes) {
      const record = { at, items };
      // The browser would refuse the whole write for one oversized item; the rest still goes.
      if (fitsSyncItem(SYNC_PREFIX + key, record)) {
        records[SYNC_PREFIX + key] = record;
        sent.set(key, items);
        tooLarge.delete(key);
      } else tooLarge.add(key);
    }
    if (!sent.size) return;
    for (const key of sent.keys()) writing.set(key, at);
    try {
      await browser.storage.sync.set(records);
    } finally {
      for (const key of sent.keys()) if (writing.get(key) === at) writing.delete(key);
    }
    for (const [key, items] of sent) {
      known.set(key, items);
      syncedAt[key] = at;
    }
  }

  function send(key: string, items: ChecklistProgress): void {
    outgoing.set(key, items);
    if (sendQueued) return;
    sendQueued = true;
    void later(async () => {
      sendQueued = false;
      const batch = new Map([...outgoing].filter(([name, ticks]) => !sameProgress(ticks, known.get(name))));
      outgoing.clear();
      await push(batch);
    });
  }

  async function take(changes: Map<string, SyncRecord>, { recheck = true } = {}): Promise<void> {
    if (!changes.size || stopped) return;
    let current = changes;
    if (recheck) {
      // An event may be overtaken by a later write (from here or elsewhere) while it waited its
      // turn: only what storage.sync still holds is taken; the later write brings its own event.
      const now = syncRecords(await browser.storage.sync.get([...changes.keys()].map((key) => SYNC_PREFIX + key)));
      current = new Map([...changes].filter(([key, record]) => now.get(key)?.at === record.at));
    }
    if (!current.size) return;
    for (const [key, record] of current) known.set(key, record.items);
    await store.importProgress({
      format: 'netwerkkracht-progress',
      version: 1,
      exported: new Date().toISOString(),
      checklists: Object.fromEntries([...current].map(([key, record]) => [key, record.items])),
    });
  }

  /** Brings this device and storage.sync in step: at the start, and when IndexedDB works again. */
  async function reconcileAll(): Promise<void> {
    const [exported, everything] = await Promise.all([store.exportProgress(), browser.storage.sync.get(null)]);
    const remote = syncRecords(everything);
    for (const [key, record] of remote) known.set(key, record.items);
    const local = new Map(Object.entries(exported.checklists));
    const { apply, push: mine, seen } = reconcile(local, remote, syncedAt);
    for (const [key, at] of seen) syncedAt[key] = at;
    await take(new Map([...apply].map(([key, items]) => [key, { at: remote.get(key)?.at ?? 0, items }])), { recheck: false });
    // This device's ticks could not be read (IndexedDB failed): what looks like "nothing ticked"
    // must not be sent over the account's copy. Sending waits until IndexedDB works again.
    if (store.mode !== 'indexeddb') return;
    await push(mine);
  }

  const unsubscribe = store.subscribe((event) => {
    if (stopped) return;
    if (event.type === 'mode') {
      if (event.mode === 'indexeddb') void later(reconcileAll);
      return;
    }
    // Another extension page (a second panel, the options page) sends its own changes.
    if (event.fromOtherTab || !isProgressKey(event.key) || store.mode !== 'indexeddb') return;
    const items = event.value ?? {};
    if (!sameProgress(items, known.get(event.key))) send(event.key, items);
  });

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (stopped || area !== 'sync') return;
    const incoming = new Map<string, SyncRecord>();
    for (const [key, record] of syncRecords(Object.fromEntries(Object.entries(changes).map(([name, change]) => [name, change.newValue])))) {
      if (writing.get(key) === record.at) continue;
      syncedAt[key] = record.at;
      if (!sameProgress(record.items, known.get(key))) incoming.set(key, record);
    }
    // A checklist removed from sync (another device reset its account) keeps its ticks here.
    if (incoming.size) void later(() => take(incoming));
  };
  browser.storage.onChanged.addListener(onChanged);

  const ready = later(async () => {
    syncedAt = { ...(await getSettings()).syncedAt };
    await reconcileAll();
  });

  return {
    ready,
    stop() {
      stopped = true;
      unsubscribe();
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
