import type { Pack, Template } from './schema.js';

/** True for the kinds of template that are written as an e-mail: invitations, follow-ups, e-mails. */
export function isEmailTemplate(template: Pick<Template, 'kind'>): boolean {
  return template.kind !== 'agenda';
}

/**
 * A `mailto:` address that opens `template` as a new e-mail, with no recipient: the subject (the
 * title when there is none) and the text as the body. Both are encoded with encodeURIComponent, so
 * no "&", "?" or "=" in them adds a field. A line break would start a new mail header in the
 * subject, so there it becomes a space; the body keeps its lines, as encoded CR LF (RFC 6068).
 */
export function templateMailto(template: Pick<Template, 'title' | 'subject' | 'text'>): string {
  const subject = (template.subject ?? template.title).replace(/[\r\n]+/g, ' ').trim();
  const body = template.text.replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The pack's templates with these ids, in the order given; ids the pack does not have are left
 * out (a validated pack has them all).
 */
export function templatesById(pack: Pick<Pack, 'templates'>, ids: readonly string[] | undefined): Template[] {
  if (!ids?.length || !pack.templates?.length) return [];
  return ids.flatMap((id) => pack.templates!.find((template) => template.id === id) ?? []);
}
