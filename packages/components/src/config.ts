// Settings shared by every element, without defining any of them.
export { setDefaultPackBase } from './internal/packs.js';
