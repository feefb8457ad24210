/**
 * Folds a content line after at most 75 octets, as both iCalendar (RFC 5545 §3.1) and vCard
 * (RFC 6350 §3.2) ask: CRLF plus one space, never splitting a character.
 */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}
