// What to do with checklist progress when this device meets the copy in storage.sync. Pure
// functions, no browser APIs, so that the rules can be tested on their own.
import { isProgress, type ChecklistProgress } from '@netwerkkracht/core';

/** storage.sync keys of checklist progress start with this; the rest is `packId/checklistId`. */
export const SYNC_PREFIX = 'progress:';

/** One checklist's progress as stored in storage.sync. */
export interface SyncRecord {
  /** When a device last changed it (ms since 1970). */
  at: number;
  items: ChecklistProgress;
}

/** Whether `value` has the shape of a {@link SyncRecord}; another device's data is not trusted blindly. */
export function isSyncRecord(value: unknown): value is SyncRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { at, items } = value as Partial<SyncRecord>;
  return typeof at === 'number' && Number.isFinite(at) && isProgress(items);
}

/** Whether two progress records tick the same items at the same times, in any key order. */
export function sameProgress(a: ChecklistProgress | undefined, b: ChecklistProgress | undefined): boolean {
  const left = Object.entries(a ?? {});
  if (left.length !== Object.keys(b ?? {}).length) return false;
  return left.every(([id, when]) => b !== undefined && Object.hasOwn(b, id) && b[id] === when);
}

/** The outcome of {@link reconcile}. */
export interface Reconciled {
  /** Progress to write on this device. */
  apply: Map<string, ChecklistProgress>;
  /** Progress to write to storage.sync. */
  push: Map<string, ChecklistProgress>;
  /** Keys whose sync record this device now has, with that record's time. */
  seen: Map<string, number>;
}

/**
 * Decides, per checklist, which copy wins when this device starts syncing:
 * - only here: send it; only in sync: take it;
 * - never synced here before (the user just switched it on): keep every tick of both;
 * - the sync copy is the one this device saw last: the change is ours (a write that failed), send it;
 * - otherwise another device changed it since: take theirs.
 *
 * @param local this device's progress by `packId/checklistId`
 * @param remote storage.sync's records by the same keys
 * @param syncedAt per key, the `at` of the sync record this device last wrote or took
 */
export function reconcile(local: Map<string, ChecklistProgress>, remote: Map<string, SyncRecord>, syncedAt: Record<string, number>): Reconciled {
  const result: Reconciled = { apply: new Map(), push: new Map(), seen: new Map() };
  for (const key of new Set([...local.keys(), ...remote.keys()])) {
    const mine = local.get(key) ?? {};
    const theirs = remote.get(key);
    if (!theirs) {
      if (Object.keys(mine).length) result.push.set(key, mine);
      continue;
    }
    result.seen.set(key, theirs.at);
    if (sameProgress(mine, theirs.items)) continue;
    const last = Object.hasOwn(syncedAt, key) ? syncedAt[key] : undefined;
    if (last === undefined) {
      // The earlier tick time wins where both ticked the same item.
      const union: ChecklistProgress = { ...theirs.items };
      for (const [id, when] of Object.entries(mine)) if (!Object.hasOwn(union, id) || when < union[id]!) union[id] = when;
      if (!sameProgress(union, mine)) result.apply.set(key, union);
      if (!sameProgress(union, theirs.items)) result.push.set(key, union);
    } else if (last === theirs.at) {
      result.push.set(key, mine);
    } else {
      result.apply.set(key, theirs.items);
    }
  }
  return result;
}

/** The most one storage.sync item may hold in Chrome and Firefox: its name plus its value as JSON. */
export const SYNC_ITEM_BYTES = 8192;

/** Whether `record` under the storage.sync name `name` fits in one item (counted in UTF-8 bytes). */
export function fitsSyncItem(name: string, record: SyncRecord, limit = SYNC_ITEM_BYTES): boolean {
  return new TextEncoder().encode(name + JSON.stringify(record)).length <= limit;
}

/** Why the browser refused a storage.sync write, from its message (Chrome's and Firefox's wording). */
export function syncProblem(message: string): 'busy' | 'full' | 'other' {
  // Chrome's rate limits are also called quotas: MAX_WRITE_OPERATIONS_PER_MINUTE and _PER_HOUR.
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED_WRITE/i.test(message)) return 'busy';
  if (/quota/i.test(message)) return 'full';
  return 'other';
}
