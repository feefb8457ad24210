// The copy of a store's records in this page's memory. It answers reads IndexedDB already answered,
// holds what is written until it is saved, and takes over while IndexedDB is missing or fails.

/** The records this page holds, and what is known of each. */
export interface MemoryCopy<T> {
  values: Map<string, T | undefined>;
  /** Keys written here and not saved yet. */
  dirty: Set<string>;
  /** Keys whose read failed: what `values` holds for them may be only part of the stored value. */
  unread: Set<string>;
  /** With `join`: keys whose IndexedDB record has been joined into `values` (without it, part of it). */
  loaded: Set<string>;
  join: ((a: T, b: T) => T) | undefined;
}

export function memoryCopy<T>(join: ((a: T, b: T) => T) | undefined): MemoryCopy<T> {
  return { values: new Map(), dirty: new Set(), unread: new Set(), loaded: new Set(), join };
}

/** `a` and `b` joined; either one alone when the other is undefined. */
export function joined<T>(copy: MemoryCopy<T>, a: T | undefined, b: T | undefined): T | undefined {
  return a === undefined ? b : b === undefined ? a : copy.join!(a, b);
}

/** Whether a read of `key` is answered from memory, without asking IndexedDB. */
export function knows<T>(copy: MemoryCopy<T>, key: string): boolean {
  if (!copy.join) return copy.values.has(key);
  // Also a key whose read failed once this page holds changes of it: asking a broken or blocked
  // database again would make every tick wait; the save joins the rest.
  return copy.loaded.has(key) || (copy.unread.has(key) && copy.values.get(key) !== undefined);
}

/** Takes what IndexedDB answered for `key`, keeping writes and other tabs' records that came meanwhile. */
export function tookStored<T>(copy: MemoryCopy<T>, key: string, stored: T | undefined): void {
  if (copy.join) {
    if (!copy.loaded.has(key)) copy.values.set(key, joined(copy, stored, copy.values.get(key)));
    copy.loaded.add(key);
  } else if (!copy.values.has(key)) copy.values.set(key, stored);
}

/** Notes that `key` could not be read: its save must not simply replace what is stored. */
export function readFailed<T>(copy: MemoryCopy<T>, key: string): void {
  if (copy.join || !copy.values.has(key)) copy.unread.add(key);
}

/**
 * Holds a value written on this page until it is saved, and returns what memory now holds: with
 * `join`, the value joined into what this page knows (`undefined` still deletes).
 */
export function wrote<T>(copy: MemoryCopy<T>, key: string, value: T | undefined): T | undefined {
  if (copy.join && value !== undefined) value = joined(copy, copy.values.get(key), value);
  else if (copy.join) copy.loaded.add(key);
  copy.values.set(key, value);
  copy.dirty.add(key);
  return value;
}

/** Takes a record another tab wrote; false when memory holds only part of it (read the rest first). */
export function heard<T>(copy: MemoryCopy<T>, key: string, value: T | undefined): boolean {
  if (!copy.join || value === undefined) {
    copy.values.set(key, value);
    if (copy.join) copy.loaded.delete(key);
    return true;
  }
  copy.values.set(key, joined(copy, copy.values.get(key), value));
  return copy.loaded.has(key);
}

/** `stored` (what IndexedDB holds) with this page's own values laid over it. */
export function overlay<T>(copy: MemoryCopy<T>, stored: Map<string, T>): Map<string, T> {
  for (const [key, value] of copy.values) {
    if (value === undefined) {
      if (!copy.join || copy.loaded.has(key)) stored.delete(key);
    } else stored.set(key, copy.join ? joined(copy, stored.get(key), value)! : value);
  }
  return stored;
}
