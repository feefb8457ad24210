// Kept apart from the schema so that elements can check links without loading the validator.
// No module-level constants here: bundlers that initialise this module lazily (it is reached both
// statically and through the validator's import()) could leave them undefined.

/** True when `value` is a URL the elements may turn into a link. */
export function isSafeUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!['https:', 'http:', 'mailto:', 'tel:'].includes(url.protocol)) return false;
  // A CR or LF in a mailto: link can smuggle extra headers (cc, bcc) into the mail program.
  if (url.protocol === 'mailto:' && /%0[ad]|[\r\n]/i.test(value)) return false;
  if ((url.protocol === 'https:' || url.protocol === 'http:') && !url.hostname) return false;
  return true;
}
