/** Where a store keeps its records right now. */
export type StorageMode = 'indexeddb' | 'memory';

/** What a store's subscribers hear: a record changed (here or in another tab), or the mode changed. */
export type StoreEvent<T> =
  /** `fromOtherTab` marks a change written by another tab or extension page, heard over BroadcastChannel. */
  { type: 'change'; key: string; value: T | undefined; fromOtherTab?: true } | { type: 'mode'; mode: StorageMode; error?: unknown };

/** Reading, writing and hearing records by key: what every store here offers. */
export interface Records<T> {
  /** `indexeddb` while writes reach IndexedDB; `memory` when they do not (they are retried). */
  readonly mode: StorageMode;
  read(key: string): Promise<T | undefined>;
  /** Stores `value` (or deletes the record for `undefined`). Resolves once it is stored or queued in memory. */
  write(key: string, value: T | undefined): Promise<void>;
  readAll(): Promise<Map<string, T>>;
  subscribe(listener: (event: StoreEvent<T>) => void): () => void;
}

/**
 * Records kept in IndexedDB, with a copy in memory that takes over when IndexedDB is missing or
 * fails, and a BroadcastChannel that keeps other tabs in step.
 */
export interface RecordStore<T> extends Records<T> {
  /**
   * Changes one record from what it holds now: `change` gets the current value and returns the
   * new one (the same value: nothing is written). Updates of a key on this page take turns, so
   * two started at once both count. Resolves with the new value once it is stored or queued.
   */
  update(key: string, change: (value: T | undefined) => T | undefined): Promise<T | undefined>;
  /** {@link update} of several keys in one turn and one write: `change` gets and returns key → value. */
  updateMany(keys: string[], change: (values: Map<string, T | undefined>) => Map<string, T | undefined>): Promise<Map<string, T | undefined>>;
  /** Stores several records at once, saved in one round; `undefined` deletes. Resolves as {@link write}. */
  setMany(entries: Iterable<[string, T | undefined]>): Promise<void>;
}

/** Options for `createRecordStore`. */
export interface RecordStoreOptions<T = unknown> {
  /** Tell other tabs about changes (default true). */
  broadcast?: boolean;
  /**
   * Stop waiting for IndexedDB to open after this many milliseconds (default 3000) and keep
   * records in memory meanwhile: another tab's upgrade can hold the database indefinitely.
   */
  openTimeout?: number;
  /**
   * Joins what IndexedDB holds with what this page wrote for a key it could not read first (the
   * read failed, so the page started from nothing). Without it, the page's value replaces the
   * stored one when IndexedDB works again; with it, e.g. a tick made then is added to the others.
   */
  merge?: (stored: T, mine: T) => T;
  /**
   * Makes the records states that join (e.g. per item, the latest change wins): a write is joined
   * with what IndexedDB holds inside one read-write transaction, and a record heard from another
   * tab is joined with this page's copy, so two tabs writing the same key at once both keep their
   * changes. `join` must be commutative, associative and idempotent. Replaces `merge`.
   */
  join?: (a: T, b: T) => T;
}
