import { createRecordStore } from './record-store.js';
import type { RecordStore } from './types.js';

let audiences: RecordStore<string> | undefined;

/**
 * The page's store of the reader's role: pack id → audience id, `''` for "all roles". It stays on
 * this device (IndexedDB of the page's origin) like favourites; nothing sends it anywhere.
 */
export function sharedAudience(): RecordStore<string> {
  return (audiences ??= createRecordStore('netwerkkracht-audience'));
}
