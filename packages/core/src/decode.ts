/**
 * Decodes the bytes of a pack file: UTF-8 (a byte-order mark is dropped) or UTF-16 with a BOM.
 * Throws a readable error for any other encoding, such as Latin-1.
 */
export function decodePackBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the file is not UTF-8 text (save it as UTF-8)');
  }
}
