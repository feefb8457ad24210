import { SCHEMA_VERSION, type Pack } from '@netwerkkracht/core';
import { escapeHtml, inlinePackBlock, scriptSafeJson as contentScriptSafeJson } from '@netwerkkracht/content/snippet.js';

/** The lists of a pack whose entries have an id, in the order the studio shows them. */
export const LISTS = ['sources', 'tags', 'audiences', 'tips', 'contacts', 'checklists', 'templates', 'contexts'] as const;
export type ListName = (typeof LISTS)[number];

/** Where the published JSON Schema lives, for `$schema` in an exported pack. */
export const SCHEMA_URL = 'https://cdn.jsdelivr.net/npm/@netwerkkracht/content@0.1.0/packs/content-pack.schema.json';

/** Packs the elements refuse past this size are refused here too (as the CLI and loader do). */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

/** A pack with nothing in it yet, in `locale`. */
export function emptyPack(locale: string): Pack {
  // No `tags` list: until the pack defines topics, tips may use any.
  return { schemaVersion: SCHEMA_VERSION, id: '', locale, title: '', sources: [], tips: [], contacts: [], checklists: [], contexts: [] };
}

/** A lowercase slug of `text` (`a-z`, `0-9`, single hyphens), at most `max` characters, cut at a hyphen. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`, … : the first that no entry of `list` other than `self` uses. */
export function uniqueId(base: string, list: readonly { id: string }[], self?: object): string {
  const taken = new Set(list.filter((entry) => entry !== self).map((entry) => entry.id));
  const start = base || 'item';
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) if (!taken.has(`${start}-${n}`)) return `${start}-${n}`;
}

/**
 * Every place in `pack` that refers to an entry of `list`, as a way to read and write it: a source
 * in tips and templates, a tag in tips and contexts, an audience or template in tips, a tip or
 * template in checklist items.
 */
function references(pack: Pack, list: ListName): { get(): string[]; set(values: string[]): void }[] {
  const one = <T extends object>(entry: T, key: keyof T & string) => ({
    get: () => (typeof entry[key] === 'string' ? [entry[key] as string] : []),
    set: (values: string[]) => ((entry as Record<string, unknown>)[key] = values[0]),
  });
  const many = <T extends object>(entry: T, key: keyof T & string) => ({
    get: () => (Array.isArray(entry[key]) ? (entry[key] as string[]) : []),
    set: (values: string[]) => ((entry as Record<string, unknown>)[key] = values),
  });
  const items = (pack.checklists ?? []).flatMap((checklist) => (Array.isArray(checklist.items) ? checklist.items : []));
  switch (list) {
    case 'sources':
      return [...pack.tips.map((tip) => one(tip, 'source')), ...(pack.templates ?? []).map((template) => one(template, 'source'))];
    case 'tags':
      return [...pack.tips.map((tip) => many(tip, 'tags')), ...(pack.contexts ?? []).map((context) => many(context, 'tags'))];
    case 'audiences':
      return pack.tips.map((tip) => many(tip, 'audiences'));
    case 'templates':
      return [...pack.tips.map((tip) => many(tip, 'templates')), ...items.map((item) => one(item, 'template'))];
    case 'tips':
      return items.map((item) => one(item, 'tip'));
    default:
      return [];
  }
}

/**
 * Renames the id of an entry of `list` from `from` to `to` in every reference to it (see
 * {@link references}). Nothing changes when another entry already has `to`, so two entries are
 * never merged by a rename. Mutates `pack`.
 */
export function renameReferences(pack: Pack, list: ListName, from: string, to: string): void {
  if (from === to || (pack[list] as { id: string }[] | undefined)?.some((entry) => entry.id === to)) return;
  for (const reference of references(pack, list)) {
    const values = reference.get();
    if (values.includes(from)) reference.set(values.map((value) => (value === from ? to : value)));
  }
}

/** Whether anything in `pack` refers to the entry of `list` with `id` (then its id stays as it is). */
export function isReferenced(pack: Pack, list: ListName, id: string): boolean {
  return references(pack, list).some((reference) => reference.get().includes(id));
}

/** `a, b ,, c` → `['a', 'b', 'c']`. */
export function splitList(text: string, separator: RegExp = /,/): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Paragraphs are separated by an empty line. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The pack as a file: `$schema` first, then the rest, indented for people who read it. */
export function packFile(pack: Pack): string {
  const { $schema: _ignored, ...rest } = pack;
  return `${JSON.stringify({ $schema: SCHEMA_URL, ...rest }, null, 2)}\n`;
}

/** The pack's JSON as the snippet's block holds it: indented, with no `<` in it. */
export function scriptSafeJson(value: unknown): string {
  return contentScriptSafeJson(value, 2);
}

/** The HTML to paste into a page: the pack as a JSON block, the script and elements reading it. */
export function inlineSnippet(pack: Pack, scriptSrc: string): string {
  const blockId = `${pack.id || 'pack'}-pack`;
  const ref = `#${blockId}`;
  const lines = [
    inlinePackBlock(pack, blockId, { indent: 2 }),
    // In the head, blocking="render" lets the loader give the elements their room before the first paint.
    `<script type="module" blocking="render" src="${escapeHtml(scriptSrc)}"></script>`,
    '',
    `<nk-tip-deck pack="${ref}" lang="${escapeHtml(pack.locale)}"></nk-tip-deck>`,
  ];
  const checklist = pack.checklists?.[0];
  if (checklist) lines.push(`<nk-network-checklist pack="${ref}" checklist="${checklist.id}" lang="${escapeHtml(pack.locale)}"></nk-network-checklist>`);
  const contact = pack.contacts?.[0];
  if (contact) lines.push(`<nk-contact-card pack="${ref}" contact="${contact.id}" lang="${escapeHtml(pack.locale)}"></nk-contact-card>`);
  return `${lines.join('\n')}\n`;
}

/** A path such as `tips[3].title` as an HTML id: `f-tips-3-title`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-') || 'pack'}`;
}

/** `tips[3].links[0].url` → `{ list: 'tips', index: 3 }`: which entry a problem belongs to. */
export function entryOf(path: string): { list: ListName; index: number } | undefined {
  const match = /^(\w+)\[(\d+)\]/.exec(path);
  if (!match || !(LISTS as readonly string[]).includes(match[1]!)) return undefined;
  return { list: match[1] as ListName, index: Number(match[2]) };
}
