// Saving what this page wrote to IndexedDB: one key at a time, in the order written.
import { del, get, set, update } from 'idb-keyval';
import { joined } from './memory.js';
import type { StoreState } from './state.js';

/**
 * Saves `value` joined with what IndexedDB holds, in one read-write transaction. What another tab
 * saved before is then part of this page's copy too, and subscribers are told.
 */
async function saveJoined<T>(state: StoreState<T>, key: string, value: T): Promise<void> {
  const { copy } = state;
  let stored: T | undefined;
  await state.run((store) =>
    update<T>(
      key,
      (found) => {
        stored = found;
        return joined(copy, found, value)!;
      },
      store,
    ),
  );
  copy.loaded.add(key);
  copy.unread.delete(key);
  const current = copy.values.get(key);
  // Written again while saving: that newer value stays dirty, for the next round.
  if (current === value) copy.dirty.delete(key);
  const now = joined(copy, current, stored);
  if (JSON.stringify(now) !== JSON.stringify(current)) {
    copy.values.set(key, now);
    state.events.notify({ type: 'change', key, value: now });
  }
}

/** Saves `value` as it is (`undefined` deletes), merged first with the stored one for a key the page could not read. */
async function savePlain<T>(state: StoreState<T>, key: string, value: T | undefined): Promise<void> {
  const { copy, merge } = state;
  if (copy.unread.has(key) && merge && value !== undefined) {
    const stored = await state.run((store) => get<T>(key, store));
    // Written again while reading: the next round merges the newer value.
    if (copy.values.get(key) !== value) return;
    if (stored !== undefined) {
      value = merge(stored, value);
      copy.values.set(key, value);
      state.events.notify({ type: 'change', key, value });
    }
  }
  const saving = value;
  await state.run((store) => (saving === undefined ? del(key, store) : set(key, saving, store)));
  copy.unread.delete(key);
  // A newer value written meanwhile stays dirty: the save queued by that write stores it.
  if (copy.values.get(key) === value) copy.dirty.delete(key);
}

/** Whether `error` says the value can never be stored (Chromium cannot clone 100 000 levels of nesting). */
function unstorable(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'DataCloneError' || error instanceof RangeError;
}

/**
 * Saves every record written on this page and not saved yet. Resolves with the error that stopped
 * it when IndexedDB failed (what is left stays dirty), or undefined. A value that can never be
 * stored stays in memory for this page and does not keep the other records from being saved.
 */
export async function saveDirty<T>(state: StoreState<T>): Promise<{ error: unknown } | undefined> {
  const { copy } = state;
  for (const key of [...copy.dirty]) {
    const value = copy.values.get(key);
    try {
      if (copy.join && value !== undefined) await saveJoined(state, key, value);
      else await savePlain(state, key, value);
    } catch (error) {
      if (!unstorable(error)) return { error };
      copy.dirty.delete(key);
    }
  }
  return undefined;
}
