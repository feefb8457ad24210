import * as v from 'valibot';
import { PackSchema, SCHEMA_VERSION, type Pack } from './schema.js';
import { withoutBom } from './decode.js';

/** One problem found in a pack, located by a path such as `tips[3].source`. */
export interface PackIssue {
  path: string;
  message: string;
}

/**
 * The outcome of {@link validatePack}: the pack, or the problems found. Past {@link MAX_ISSUES}
 * the list ends with one line `and N more problems`; `total` counts every problem.
 */
export type PackResult =
  | { ok: true; pack: Pack; issues: []; total: 0 }
  | {
      ok: false;
      pack?: undefined;
      issues: PackIssue[];
      /** Every problem, also those left out of `issues`. */
      total: number;
    };

/** More problems than this are summarised: nobody reads the 5001st. */
export const MAX_ISSUES = 50;

/** Formats an issue as one line: `tips[3].source: unknown source "nji"`. */
export function formatIssue(issue: PackIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** Messages echo the offending value ("… but received "…""): a megabyte of it helps nobody. */
function shorten(message: string, max = 200): string {
  return message.length > max ? `${message.slice(0, max - 1)}…` : message;
}

/** The first {@link MAX_ISSUES} problems, a line saying how many more there are, and their number. */
function failure(all: PackIssue[]): PackResult {
  const issues = all.slice(0, MAX_ISSUES);
  if (all.length > MAX_ISSUES) issues.push({ path: '', message: `and ${all.length - MAX_ISSUES} more problems` });
  return { ok: false, issues, total: all.length };
}

/** What to say about a valibot issue at `path`. */
function messageOf(issue: v.BaseIssue<unknown>, path: string): string {
  if (path === 'schemaVersion' && typeof issue.input === 'number' && issue.input > SCHEMA_VERSION) {
    return `is ${issue.input}; this version of Netwerkkracht reads version ${SCHEMA_VERSION}`;
  }
  // v.object says "Invalid key: Expected "id" but received undefined" for an absent required field.
  if (issue.type === 'object' && issue.path?.at(-1)?.origin === 'key') return 'is missing';
  return shorten(issue.message);
}

function pathOf(keys: readonly unknown[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

function checkReferences(pack: Pack, issues: PackIssue[]): void {
  const ids = (list: readonly { id: string }[] | undefined, path: string) => {
    const seen = new Set<string>();
    list?.forEach((entry, i) => {
      if (seen.has(entry.id)) issues.push({ path: `${path}[${i}].id`, message: `duplicate id "${entry.id}"` });
      seen.add(entry.id);
    });
    return seen;
  };
  const sources = ids(pack.sources, 'sources');
  const tags = ids(pack.tags, 'tags');
  const audiences = ids(pack.audiences, 'audiences');
  const tips = ids(pack.tips, 'tips');
  ids(pack.contacts, 'contacts');
  ids(pack.checklists, 'checklists');
  ids(pack.contexts, 'contexts');
  const templates = ids(pack.templates, 'templates');
  const checkTemplate = (id: string, path: string) => {
    if (!templates.has(id)) issues.push({ path, message: `unknown template "${id}"` });
  };
  // A pack without a `tags` list may use any tag; one with a list must use only those.
  const checkTags = (list: readonly string[] | undefined, path: string) => {
    if (!pack.tags) return;
    list?.forEach((tag, i) => {
      if (!tags.has(tag)) issues.push({ path: `${path}[${i}]`, message: `unknown tag "${tag}"` });
    });
  };
  pack.tips.forEach((tip, i) => {
    if (tip.source !== undefined && !sources.has(tip.source)) {
      issues.push({ path: `tips[${i}].source`, message: `unknown source "${tip.source}"` });
    }
    checkTags(tip.tags, `tips[${i}].tags`);
    // Unlike tags, audiences always need the list: a role picker shows their labels.
    tip.audiences?.forEach((audience, a) => {
      if (!audiences.has(audience)) issues.push({ path: `tips[${i}].audiences[${a}]`, message: `unknown audience "${audience}"` });
    });
    tip.templates?.forEach((id, t) => checkTemplate(id, `tips[${i}].templates[${t}]`));
  });
  pack.checklists?.forEach((checklist, c) => {
    ids(checklist.items, `checklists[${c}].items`);
    checklist.items.forEach((item, i) => {
      if (item.tip !== undefined && !tips.has(item.tip)) {
        issues.push({ path: `checklists[${c}].items[${i}].tip`, message: `unknown tip "${item.tip}"` });
      }
      if (item.template !== undefined) checkTemplate(item.template, `checklists[${c}].items[${i}].template`);
    });
  });
  pack.templates?.forEach((template, i) => {
    if (template.source !== undefined && !sources.has(template.source)) {
      issues.push({ path: `templates[${i}].source`, message: `unknown source "${template.source}"` });
    }
  });
  pack.contexts?.forEach((context, i) => checkTags(context.tags, `contexts[${i}].tags`));
}

/**
 * Checks that `data` (already parsed JSON) is a content pack this software can show: the shape,
 * id rules, allowed URL schemes, e-mail and phone shape, locale, schema version and every cross
 * reference. Unknown extra fields are kept. Never throws.
 */
export function validatePack(data: unknown): PackResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return failure([{ path: '', message: 'the pack is not a JSON object ({ … })' }]);
  }
  let result;
  try {
    result = v.safeParse(PackSchema, data);
  } catch (error) {
    // Only reachable with absurdly nested input that exhausts the stack.
    return failure([{ path: '', message: `the pack could not be checked (${(error as Error).message})` }]);
  }
  if (!result.success) {
    // One message per path: "not a phone number" says enough without "has fewer than 6 digits".
    const byPath = new Map<string, string>();
    for (const issue of result.issues) {
      const path = pathOf(issue.path?.map((item) => item.key) ?? []);
      if (byPath.has(path)) continue;
      byPath.set(path, messageOf(issue, path));
    }
    return failure([...byPath].map(([path, message]) => ({ path, message })));
  }
  // The schema transforms nothing, so the checked input is the pack, unknown fields included.
  const pack = data as Pack;
  const issues: PackIssue[] = [];
  checkReferences(pack, issues);
  if (issues.length) return failure(issues);
  return { ok: true, pack, issues: [], total: 0 };
}

/**
 * Removes own `__proto__` keys, which JSON.parse creates: the pack is the parsed object itself,
 * and a host page copying part of it with Object.assign would get that value as the copy's
 * prototype. Without escapes in the text, a plain search says whether there are any.
 */
function dropProtoKeys(text: string, data: unknown): void {
  if (!text.includes('__proto__') && !text.includes('\\u')) return;
  const stack = [data];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Object.hasOwn(value, '__proto__')) delete (value as { __proto__?: unknown }).__proto__;
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}

/**
 * Parses and validates the text of a pack. A UTF-8 byte-order mark is tolerated; broken JSON
 * yields one issue saying so, never an exception.
 */
export function parsePack(text: string): PackResult {
  const trimmed = withoutBom(text);
  if (!trimmed.trim()) return failure([{ path: '', message: 'the file is empty' }]);
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    return failure([{ path: '', message: `the file is not valid JSON (${(error as Error).message})` }]);
  }
  dropProtoKeys(trimmed, data);
  return validatePack(data);
}
