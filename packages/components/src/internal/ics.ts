// The checklist's exports, loaded with `await import('./ics.js')` on a click only.
import type { Checklist, ChecklistProgress, Pack } from '@netwerkkracht/core';
import { foldLine as fold } from './fold.js';
import type { Locale } from './i18n.js';
import { t } from './ics.strings.js';

/** The checklist as a plain-text agenda: title, `[x]`/`[ ]` items with their tip titles, progress. */
export function agendaText(pack: Pack, list: Checklist, progress: ChecklistProgress, locale: Locale): string {
  const lines = [list.title, ...(list.description ? [list.description] : []), ''];
  for (const item of list.items) {
    lines.push(`[${progress[item.id] ? 'x' : ' '}] ${item.text}`);
    const tip = pack.tips.find((tip) => tip.id === item.tip);
    if (tip) lines.push(`    ${t(locale, 'tipTitle', tip.title)}`);
  }
  const done = list.items.filter((item) => progress[item.id]).length;
  lines.push('', t(locale, 'progress', done, list.items.length));
  return lines.join('\n');
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma, and line breaks as `\n`. */
const escapeText = (text: string) => text.replace(/[\\;,]/g, '\\$&').replace(/\r\n?|\n/g, '\\n');

/**
 * An iCalendar file with one all-day follow-up event on `date` (`YYYY-MM-DD`), listing the open
 * items, with a display reminder at 09:00 that day.
 */
export function icsFile(list: Checklist, progress: ChecklistProgress, date: string, locale: Locale): string {
  const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
  const summary = escapeText(t(locale, 'followUp', list.title));
  const open = list.items.filter((item) => !progress[item.id]).map((item) => `- ${item.text}`);
  const description = [list.title, '', ...(open.length ? [t(locale, 'openItems'), ...open] : [t(locale, 'progress', list.items.length, list.items.length)])];
  const page = /^https?:$/.test(location.protocol) ? [`URL:${location.href}`] : [];
  return `${[
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Netwerkkracht//Checklist//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${stamp}-${Math.random().toString(36).slice(2)}@netwerkkracht`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${date.replace(/-/g, '')}`,
    `SUMMARY:${summary}`,
    `DESCRIPTION:${escapeText(description.join('\n'))}`,
    ...page,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${summary}`,
    'TRIGGER:PT9H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n')}\r\n`;
}
