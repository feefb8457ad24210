// Records of items that are on or off (a checklist's ticks, a pack's favourite tips) kept so that
// copies written by two tabs at once can be joined without losing a change: each item carries the
// time of its latest change, and per item the latest change wins.

/** One item's latest change. */
export interface ItemState {
  /** When it changed (ms since 1970; later than the change before it on the same page). */
  at: number;
  /** While the item is on: since when (ISO 8601), e.g. the tick time. Absent: off. */
  since?: string;
}

/** Item id → its latest change. Items switched off keep their state, so that the off wins over an older on. */
export type ItemRecord = Record<string, ItemState>;

function isItemState(value: unknown): value is ItemState {
  if (typeof value !== 'object' || value === null) return false;
  const { at, since } = value as Partial<ItemState>;
  return typeof at === 'number' && Number.isFinite(at) && (since === undefined || typeof since === 'string');
}

/**
 * Reads a stored record, also in the formats written before items carried their time: a checklist
 * as item id → tick time, favourites as a list of tip ids. Those count as changed at their tick
 * time (favourites at 0), so that any later change wins. Anything damaged is left out.
 */
export function toItemRecord(value: unknown): ItemRecord {
  const record: ItemRecord = {};
  if (Array.isArray(value)) {
    for (const id of value) if (typeof id === 'string') record[id] = { at: 0, since: new Date(0).toISOString() };
    return record;
  }
  if (typeof value !== 'object' || value === null) return record;
  for (const [id, state] of Object.entries(value)) {
    if (typeof state === 'string') record[id] = { at: Date.parse(state) || 0, since: state };
    else if (isItemState(state)) record[id] = state.since === undefined ? { at: state.at } : { at: state.at, since: state.since };
  }
  return record;
}

/** Whether `a` is a later change than `b`; on the same time, a fixed order so that every tab picks the same. */
function later(a: ItemState, b: ItemState): boolean {
  if (a.at !== b.at) return a.at > b.at;
  return (a.since ?? '') > (b.since ?? '');
}

/** Joins two copies of a record: per item, the latest change. Order-free and idempotent. */
export function joinItems(a: unknown, b: unknown): ItemRecord {
  const joined = toItemRecord(a);
  for (const [id, state] of Object.entries(toItemRecord(b))) {
    const mine = joined[id];
    if (!mine || later(state, mine)) joined[id] = state;
  }
  return joined;
}

/** The items that are on, with since when: id → ISO time, in the order they were switched on. */
export function itemsOn(record: unknown): Record<string, string> {
  const on = Object.entries(toItemRecord(record)).filter((entry): entry is [string, Required<ItemState>] => entry[1].since !== undefined);
  on.sort(([, a], [, b]) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  return Object.fromEntries(on.map(([id, state]) => [id, state.since]));
}

/**
 * `record` with items switched on (`since` a time) or off (`undefined`) now. Each change is
 * stamped later than the item's change before, also within one millisecond.
 */
export function changeItems(record: unknown, changes: Record<string, string | undefined>): ItemRecord {
  const next = toItemRecord(record);
  const now = Date.now();
  for (const [id, since] of Object.entries(changes)) {
    const at = Math.max(now, (next[id]?.at ?? 0) + 1);
    next[id] = since === undefined ? { at } : { at, since };
  }
  return next;
}

/**
 * `record` with the items `changes` names switched on (id → since) or off (`undefined`), given
 * what is on now; `record` itself when that changes nothing.
 */
export function withChanges(
  record: ItemRecord | undefined,
  changes: (on: Record<string, string>) => Record<string, string | undefined>,
): ItemRecord | undefined {
  const current = toItemRecord(record);
  const on = itemsOn(current);
  const wanted = Object.entries(changes(on)).filter(([id, since]) => on[id] !== since);
  return wanted.length ? changeItems(current, Object.fromEntries(wanted)) : record;
}

/** Changes that switch off every item on now, then switch on those of `progress` (id → since). */
export function replacedBy(progress: Record<string, string>) {
  return (on: Record<string, string>) => ({ ...Object.fromEntries(Object.keys(on).map((id) => [id, undefined])), ...progress });
}
