import * as v from 'valibot';
import { isSafeUrl } from './url.js';

/**
 * The content-pack shape, written once: validation, the TypeScript types and the published
 * JSON Schema (`packages/content/packs/content-pack.schema.json`) are all derived from it.
 * Cross references (tip → source, item → tip, …) are checked in `validate.ts`, because JSON
 * Schema cannot express them.
 */

/** The pack format version this software reads. */
export const SCHEMA_VERSION = 1;

/** Upper bounds that keep a hand-written or hostile pack from freezing a page. */
export const LIMITS = { text: 10_000, short: 300, list: 5_000 } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Dot-separated labels (no class that also matches "."), so a megabyte of dots fails in linear time,
// not quadratic; no "?", "#" or "%", which would add headers (bcc, cc) to the mailto: link.
const EMAIL = /^[^\s@<>()[\]"',;:\\?#%]+@(?:[^\s@<>()[\]"',;:\\?#%.]+\.)+[^\s@<>()[\]"',;:\\?#%.]+$/;
const PHONE = /^\+?[0-9 ()./-]{6,24}$/;
function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** What a string field must be. Length and pattern also go into the published JSON Schema. */
interface StringRule {
  min?: number;
  max?: number;
  pattern?: [RegExp, string];
  /** Tests with no JSON Schema form (URL scheme, language tag), each with its message. */
  checks?: [(value: string) => boolean, string][];
  description?: string;
}

/** The JSON Schema of a {@link str} field; scripts/build-schema.js reads it. */
interface WithJsonSchema {
  jsonSchema: Record<string, unknown>;
}

/**
 * A string field as one valibot step. As a pipe of `string`, `minLength`, `maxLength` and `regex`
 * it took four steps per field, and validating a 1000-tip pack cost three times its `JSON.parse`.
 */
function str(rule: StringRule) {
  const { min = 0, max, pattern, checks = [] } = rule;
  const problem = (value: unknown): string | undefined => {
    if (typeof value !== 'string') return `must be text, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
    if (value.length < min) return 'must not be empty';
    if (max !== undefined && value.length > max) return `is longer than ${max} characters`;
    if (pattern && !pattern[0].test(value)) return pattern[1];
    for (const [test, message] of checks) if (!test(value)) return message;
    return undefined;
  };
  const jsonSchema: Record<string, unknown> = { type: 'string' };
  if (min) jsonSchema.minLength = min;
  if (max !== undefined) jsonSchema.maxLength = max;
  if (pattern) jsonSchema.pattern = pattern[0].source;
  if (rule.description) jsonSchema.description = rule.description;
  const schema = v.custom<string>((value) => problem(value) === undefined, (issue) => problem(issue.input) ?? 'is not valid');
  return Object.assign(schema, { jsonSchema }) as typeof schema & WithJsonSchema;
}

const slug = str({ max: 100, pattern: [SLUG, 'must be a lowercase slug (a-z, 0-9 and single hyphens)'] });
const text = (max: number = LIMITS.short) => str({ min: 1, max });
const URL_RULE = {
  max: 2_000,
  checks: [[isSafeUrl, 'is not an allowed URL (only https:, http:, mailto: and tel:)']],
  description: 'An https:, http:, mailto: or tel: URL.',
} satisfies StringRule;
const url = str(URL_RULE);
const language = (message: string) => str({ checks: [[isLocale, message]] });
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(LIMITS.list, `has more than ${LIMITS.list} entries`));

// Objects are `v.object`: it checks the known fields and leaves the rest alone. validatePack
// returns the input itself, so unknown fields are kept without copying every object.
export const SourceSchema = v.object({
  id: slug,
  organisation: text(),
  title: v.optional(text()),
  url: v.optional(url),
});

export const TagSchema = v.object({ id: slug, label: text(100) });

export const LinkSchema = v.object({ label: text(), url });

export const TipSchema = v.object({
  id: slug,
  title: text(),
  body: v.pipe(list(text(LIMITS.text)), v.description('Paragraphs of plain text.')),
  tags: v.optional(list(slug)),
  source: v.optional(slug),
  links: v.optional(list(LinkSchema)),
});

export const ContactSchema = v.object({
  id: slug,
  name: text(),
  role: v.optional(text()),
  organisation: v.optional(text()),
  email: v.optional(str({ max: 254, pattern: [EMAIL, 'is not an e-mail address'] })),
  phone: v.optional(
    str({
      pattern: [PHONE, 'is not a phone number (digits, spaces, + ( ) . / - only)'],
      checks: [[(p) => p.replace(/\D/g, '').length >= 6, 'has fewer than 6 digits']],
    }),
  ),
  url: v.optional(url),
  photo: v.optional(str({ ...URL_RULE, checks: [...URL_RULE.checks, [(u) => /^https?:/.test(u), 'must be an http(s) URL']] })),
  topics: v.optional(list(text(100))),
  languages: v.optional(list(language('is not a language tag'))),
  example: v.optional(v.boolean()),
});

export const ChecklistItemSchema = v.object({ id: slug, text: text(1_000), tip: v.optional(slug) });

export const ChecklistSchema = v.object({
  id: slug,
  title: text(),
  description: v.optional(text(LIMITS.text)),
  items: list(ChecklistItemSchema),
});

export const ContextSchema = v.object({
  id: slug,
  label: v.optional(text(100)),
  hosts: v.pipe(
    list(str({ pattern: [/^(\*\.)?[a-z0-9.-]+$/, 'is not a host name'] })),
    v.description('Host names; "*.example.org" also matches its subdomains.'),
  ),
  paths: v.optional(
    v.pipe(
      list(str({ pattern: [new RegExp('^/'), 'must start with "/"'] })),
      v.description('Path prefixes; none means the whole host.'),
    ),
  ),
  tags: list(slug),
});

export const PackSchema = v.pipe(
  v.object({
    $schema: v.optional(v.string()),
    schemaVersion: v.literal(SCHEMA_VERSION, `must be ${SCHEMA_VERSION}`),
    id: slug,
    locale: language('is not a language tag like "nl" or "en-GB"'),
    title: text(),
    description: v.optional(text(LIMITS.text)),
    version: v.optional(text(100)),
    sources: v.optional(list(SourceSchema)),
    tags: v.optional(list(TagSchema)),
    tips: list(TipSchema),
    contacts: v.optional(list(ContactSchema)),
    checklists: v.optional(list(ChecklistSchema)),
    contexts: v.optional(list(ContextSchema)),
  }),
  v.title('Netwerkkracht content pack'),
  v.description('Tips, contacts, checklists and contexts for Netwerkkracht. Text is plain text; HTML is shown as text.'),
);

export type Source = v.InferOutput<typeof SourceSchema>;
export type Tag = v.InferOutput<typeof TagSchema>;
export type Link = v.InferOutput<typeof LinkSchema>;
export type Tip = v.InferOutput<typeof TipSchema>;
export type Contact = v.InferOutput<typeof ContactSchema>;
export type ChecklistItem = v.InferOutput<typeof ChecklistItemSchema>;
export type Checklist = v.InferOutput<typeof ChecklistSchema>;
export type Context = v.InferOutput<typeof ContextSchema>;
export type Pack = v.InferOutput<typeof PackSchema>;
