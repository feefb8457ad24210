import type { Run } from './connection.js';
import type { Listeners } from './listeners.js';
import type { MemoryCopy } from './memory.js';
import type { StorageMode, StoreEvent } from './types.js';

/** What one record store's functions share. */
export interface StoreState<T> {
  copy: MemoryCopy<T>;
  events: Listeners<StoreEvent<T>>;
  run: Run;
  mode: StorageMode;
  merge: ((stored: T, mine: T) => T) | undefined;
}

/** Switches to memory mode (IndexedDB failed) or back, and says so. */
export function setMode<T>(state: StoreState<T>, next: StorageMode, error?: unknown): void {
  if (next === state.mode) return;
  state.mode = next;
  state.events.notify({ type: 'mode', mode: next, error });
}
