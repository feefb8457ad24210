// Copying as the elements copy, for a page of one's own that has no element to copy from (the
// extension's launcher beside a mail or calendar tool). Loads nothing else.
export { copyText } from './internal/clipboard.js';
export type { CopyDetail } from './internal/nk-element.js';
