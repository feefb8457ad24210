// Copying as the elements copy, for a page of one's own that has no element to copy from (the
// extension's launcher beside a mail or calendar tool). Loads nothing else.
export { copyText, type CopyDetail } from './internal/clipboard.js';
