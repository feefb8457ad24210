/** What a change in turn gives back: its result, and the save it started. */
export interface Changed<R> {
  result: R;
  saved: Promise<unknown>;
}

/**
 * Changes to a key take turns from read to write: two changes started together (or while the
 * first read still waits for IndexedDB) would otherwise both start from the same record, and the
 * second write would drop the first. A turn ends once the new value is in the store's memory;
 * saving it to disk is not waited for, but the change's promise waits for it.
 */
export function turns() {
  const pending = new Map<string, Promise<unknown>>();
  return <R>(keys: string[], change: () => Promise<Changed<R>>): Promise<R> => {
    const before = keys.map((key) => pending.get(key)).filter((turn) => turn !== undefined);
    const changed = before.length ? Promise.all(before).then(change) : change();
    const settled = changed.catch(() => {});
    for (const key of keys) pending.set(key, settled);
    void settled.then(() => {
      for (const key of keys) if (pending.get(key) === settled) pending.delete(key);
    });
    return changed.then(async ({ result, saved }) => {
      await saved;
      return result;
    });
  };
}
