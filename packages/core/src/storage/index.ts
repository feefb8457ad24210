export type { Records, RecordStore, RecordStoreOptions, StorageMode, StoreEvent } from './types.js';
export { createRecordStore } from './record-store.js';
export * from './progress.js';
export * from './favourites.js';
export { sharedAudience } from './audience.js';
export { changeItems, itemsOn, joinItems, toItemRecord } from './items.js';
