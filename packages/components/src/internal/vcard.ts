// The contact card's "save contact", loaded with `await import('./vcard.js')` on a click only.
import { foldLine as fold } from './fold.js';

/** What a vCard is made of. The caller passes only values it checked (valid e-mail, phone, URLs). */
export interface VCardContact {
  name: string;
  role?: string | undefined;
  organisation?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  url?: string | undefined;
  photo?: string | undefined;
  topics?: string[] | undefined;
  languages?: string[] | undefined;
}

/** RFC 6350 §3.4 text escaping: backslash, comma, semicolon, and any line break as `\n`. */
const escape = (value: string) => value.replace(/[\\,;]/g, '\\$&').replace(/\r\n?|\n/g, '\\n');

/** `contact` as a vCard 4.0 (RFC 6350): UTF-8 text, CRLF line endings, folded lines. */
export function toVCard(contact: VCardContact): string {
  // N wants family and given names apart; "Anna de Vries" → given "Anna", family "de Vries".
  const [given = '', ...family] = contact.name.trim().split(/\s+/);
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escape(contact.name)}`];
  lines.push(family.length ? `N:${escape(family.join(' '))};${escape(given)};;;` : `N:${escape(given)};;;;`);
  if (contact.organisation) lines.push(`ORG:${escape(contact.organisation)}`);
  if (contact.role) lines.push(`TITLE:${escape(contact.role)}`);
  if (contact.email) lines.push(`EMAIL:${escape(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=uri:tel:${contact.phone.replace(/[^\d+]/g, '')}`);
  // URIs are not text: written as parsed, which also drops any line break hidden in the raw value.
  if (contact.url) lines.push(`URL:${new URL(contact.url).href}`);
  if (contact.photo) lines.push(`PHOTO:${new URL(contact.photo).href}`);
  if (contact.topics?.length) lines.push(`CATEGORIES:${contact.topics.map(escape).join(',')}`);
  contact.languages?.forEach((lang, i) => lines.push(`LANG;PREF=${i + 1}:${escape(lang)}`));
  lines.push('END:VCARD');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A file name for `name`'s vCard: letters and digits only, e.g. `Anna-de-Vries.vcf`. */
export function vCardFileName(name: string): string {
  return `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'contact'}.vcf`;
}
