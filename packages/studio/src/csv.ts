import Papa from 'papaparse';
import { formatIssue, validatePack, type Contact, type Pack, type Tip, withoutBom } from '@netwerkkracht/core';

/** The two lists a spreadsheet can hold. */
export type CsvKind = 'tips' | 'contacts';

type Entry = Record<string, unknown> & { id: string };

/** How one column reads from and writes to an entry. */
interface Column {
  name: string;
  get(entry: Entry): string;
  set(entry: Entry, cell: string): void;
}

const textColumn = (name: string): Column => ({
  name,
  get: (entry) => (typeof entry[name] === 'string' ? (entry[name] as string) : ''),
  set: (entry, cell) => {
    if (cell === '') delete entry[name];
    else entry[name] = cell;
  },
});

/** A list in one cell, split by `separator` and joined by `joiner`. */
const listColumn = (name: string, separator: RegExp, joiner: string, required = false): Column => ({
  name,
  get: (entry) => (Array.isArray(entry[name]) ? (entry[name] as string[]).join(joiner) : ''),
  set: (entry, cell) => {
    const list = cell
      .split(separator)
      .map((part) => part.trim())
      .filter(Boolean);
    if (list.length || required) entry[name] = list;
    else delete entry[name];
  },
});

// A link is `label | url`, one per line: readable in a spreadsheet cell, and a URL has no " | ".
const linksColumn: Column = {
  name: 'links',
  get: (entry) => (Array.isArray(entry.links) ? (entry.links as { label: string; url: string }[]).map((l) => `${l.label} | ${l.url}`).join('\n') : ''),
  set: (entry, cell) => {
    const links = cell
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.lastIndexOf(' | ');
        return at < 0 ? { label: line, url: '' } : { label: line.slice(0, at).trim(), url: line.slice(at + 3).trim() };
      });
    if (links.length) entry.links = links;
    else delete entry.links;
  },
};

const COLUMNS: Record<CsvKind, Column[]> = {
  tips: [
    textColumn('id'),
    textColumn('title'),
    // Paragraphs are separated by an empty line in the cell.
    listColumn('body', /\r?\n[ \t]*\r?\n/, '\n\n', true),
    listColumn('tags', /,/, ', '),
    textColumn('source'),
    linksColumn,
    // Ids of the pack's audiences and templates, as tags are written.
    listColumn('audiences', /,/, ', '),
    listColumn('templates', /,/, ', '),
  ],
  contacts: ['id', 'name', 'role', 'organisation', 'email', 'phone', 'url']
    .map(textColumn)
    .concat([listColumn('topics', /,/, ', '), listColumn('languages', /,/, ', ')]),
};

/** Columns a file must have for each kind; the others may be left out. */
const REQUIRED: Record<CsvKind, string[]> = { tips: ['id', 'title'], contacts: ['id', 'name'] };

/**
 * The tips or contacts of `pack` as CSV: a header row, `;` between cells and a byte-order mark, as
 * Excel and LibreOffice in Dutch settings read it without asking.
 */
export function toCsv(pack: Pack, kind: CsvKind): string {
  const columns = COLUMNS[kind];
  const rows = ((pack[kind] ?? []) as unknown as Entry[]).map((entry) => columns.map((column) => column.get(entry)));
  return `\ufeff${Papa.unparse({ fields: columns.map((c) => c.name), data: rows }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}

/** One row that cannot be imported, with its number as the spreadsheet shows it (header is row 1). */
export interface CsvRowError {
  row: number;
  message: string;
}

/** What importing a file would do; `apply` does it. */
export interface CsvPlan {
  kind: CsvKind;
  added: Entry[];
  changed: Entry[];
  unchanged: number;
  errors: CsvRowError[];
  /** When the file as a whole cannot be read: which columns are missing, or what else. */
  problem?: { missing: string[] } | { message: string };
}

function sameEntry(a: Entry, b: Entry, columns: Column[]): boolean {
  return columns.every((column) => column.get(a) === column.get(b));
}

/**
 * Reads a CSV of tips or contacts (which one: by its columns) and plans the import into `pack`:
 * rows whose id is new are added, rows whose id exists change that entry's columns, others stay.
 * `,` or `;` between cells, UTF-8 with or without a byte-order mark. Each row is checked with
 * validatePack against the pack's sources, tags, audiences and templates; a bad row is listed and left out.
 */
export function planCsvImport(pack: Pack, text: string): CsvPlan {
  const body = withoutBom(text);
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  const kind: CsvKind = headers.includes('name') && !headers.includes('title') ? 'contacts' : 'tips';
  const plan: CsvPlan = { kind, added: [], changed: [], unchanged: 0, errors: [] };
  const missing = REQUIRED[kind].filter((name) => !headers.includes(name));
  if (missing.length) return { ...plan, problem: { missing } };
  const columns = COLUMNS[kind].filter((column) => headers.includes(column.name));
  const existing = new Map(((pack[kind] ?? []) as unknown as Entry[]).map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  parsed.data.forEach((record, index) => {
    const row = index + 2;
    const entry = { ...(existing.get((record.id ?? '').trim()) ?? {}) } as Entry;
    for (const column of columns) column.set(entry, (record[column.name] ?? '').trim());
    if (kind === 'tips' && !Array.isArray(entry.body)) entry.body = [];
    if (seen.has(entry.id)) {
      plan.errors.push({ row, message: `id: duplicate id "${entry.id}"` });
      return;
    }
    seen.add(entry.id);
    const check = validatePack({
      schemaVersion: 1,
      id: 'csv',
      locale: 'nl',
      title: 'csv',
      sources: pack.sources,
      tags: pack.tags,
      audiences: pack.audiences,
      templates: pack.templates,
      tips: kind === 'tips' ? [entry] : [],
      ...(kind === 'contacts' ? { contacts: [entry] } : {}),
    });
    if (!check.ok) {
      for (const issue of check.issues) plan.errors.push({ row, message: formatIssue({ ...issue, path: issue.path.replace(/^\w+\[0\]\.?/, '') }) });
      return;
    }
    const before = existing.get(entry.id);
    if (!before) plan.added.push(entry);
    else if (sameEntry(before, entry, columns)) plan.unchanged++;
    else plan.changed.push(entry);
  });
  for (const error of parsed.errors) if (error.type !== 'Delimiter') plan.errors.push({ row: (error.row ?? 0) + 2, message: error.message });
  return plan;
}

/** Carries out `plan` on `pack`: changed entries are replaced in place, new ones added at the end. Mutates `pack`. */
export function applyCsvImport(pack: Pack, plan: CsvPlan): void {
  const list = (plan.kind === 'tips' ? pack.tips : (pack.contacts ??= [])) as (Tip | Contact)[];
  for (const entry of plan.changed) {
    const at = list.findIndex((candidate) => candidate.id === entry.id);
    if (at >= 0) list[at] = entry as unknown as Tip & Contact;
  }
  list.push(...(plan.added as unknown as (Tip & Contact)[]));
}
