import type { Context, Pack, Tip } from './schema.js';

/** Lower case, without diacritics: "Coördinatie" and "coordinatie" compare equal. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function hash(value: string): number {
  // FNV-1a: tiny, and spreads consecutive dates well enough to pick a tip.
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The local calendar date as `YYYY-MM-DD`. */
export function localDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The tip of the day: the same tip all day long for one date and locale, another one tomorrow.
 * Returns undefined for an empty list.
 */
export function tipOfTheDay<T extends Tip>(tips: readonly T[], date: Date = new Date(), locale = ''): T | undefined {
  if (!tips.length) return undefined;
  return tips[hash(`${localDate(date)}|${locale}`) % tips.length];
}

/** Tips carrying at least one of `tags`; all tips when `tags` is empty. */
export function filterByTags<T extends Tip>(tips: readonly T[], tags: readonly string[]): T[] {
  if (!tags.length) return [...tips];
  return tips.filter((tip) => tip.tags?.some((tag) => tags.includes(tag)));
}

/**
 * Tips in which every word of `query` occurs (title, body or topics), ignoring case and
 * diacritics. Topics are searched by `tagLabel`, the name the reader sees (by default the tag
 * id). An empty query returns all tips.
 */
export function searchTips<T extends Tip>(tips: readonly T[], query: string, tagLabel: (id: string) => string = (id) => id): T[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...tips];
  return tips.filter((tip) => {
    const haystack = foldText([tip.title, ...tip.body, ...(tip.tags ?? []).map(tagLabel)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern;
}

/**
 * The pack's contexts that match a page address, by host and path only. Accepts a URL or a
 * string; an unparsable address matches nothing.
 */
export function matchContexts(pack: Pick<Pack, 'contexts'>, address: string | URL): Context[] {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return [];
  }
  const host = url.hostname.toLowerCase();
  return (pack.contexts ?? []).filter(
    (context) =>
      context.hosts.some((pattern) => hostMatches(pattern, host)) &&
      (!context.paths?.length || context.paths.some((prefix) => url.pathname.startsWith(prefix))),
  );
}

/** The tips that fit the tool open at `address`: those tagged with a matching context's tags. */
export function tipsForAddress(pack: Pick<Pack, 'contexts' | 'tips'>, address: string | URL): Tip[] {
  const tags = matchContexts(pack, address).flatMap((context) => context.tags);
  return tags.length ? filterByTags(pack.tips, tags) : [];
}

/**
 * The tips for `audience`, or all of them when it has none or no audience is given: where one tip
 * is shown (the tip of the day, the launcher's), it is one for the reader's role if there is one.
 */
export function preferAudience<T extends Tip>(tips: readonly T[], audience: string | undefined): T[] {
  const mine = audience ? tips.filter((tip) => tip.audiences?.includes(audience)) : [];
  return mine.length ? mine : [...tips];
}

/**
 * The tips for `audience` first, then the others, each group in its own order: a reader who
 * picked a role still has every tip. No audience (or one no tip has) keeps the order as it is.
 */
export function orderByAudience<T extends Tip>(tips: readonly T[], audience: string | undefined): T[] {
  if (!audience) return [...tips];
  const mine = tips.filter((tip) => tip.audiences?.includes(audience));
  return mine.length ? [...mine, ...tips.filter((tip) => !tip.audiences?.includes(audience))] : [...tips];
}
