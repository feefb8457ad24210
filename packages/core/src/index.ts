export * from './url.js';
export * from './decode.js';
export * from './schema.js';
export * from './validate.js';
export * from './load.js';
export { prefetchPack } from './prefetch.js';
export * from './store.js';
export * from './progress.js';
export * from './select.js';
