import * as v from 'valibot';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, PHONE_DIGITS_PATTERN, PHONE_PATTERN } from './rules.js';
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
// The schemes isSafeUrl allows, written out for the JSON Schema (editors check it as the pack is
// typed; JSON Schema has no `i` flag): after the spaces and control characters URL parsing drops,
// http(s) with a host, tel:, or mailto: without a line break (also encoded) that adds mail headers.
// isSafeUrl still runs after it, for what a pattern cannot say.
const SAFE_URL =
  /^(?:[\x00-\x20]*[hH][tT][tT][pP][sS]?:[/\\]*[^/\\?#\x00-\x20]|[\x00-\x20]*[tT][eE][lL]:|(?![\s\S]*(?:%0[aAdD]|[\r\n]))[\x00-\x20]*[mM][aA][iI][lL][tT][oO]:)/;
// As the contact card tests a photo before showing it.
const HTTP_URL = /^[hH][tT][tT][pP][sS]?:/;
// BCP 47 without its grandfathered tags: language, script, region, variants, extensions, private
// use. Intl.getCanonicalLocales still runs after it, for what it leaves open (a repeated variant).
const LANGUAGE =
  /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$/;
function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** What a string field must be. Length and patterns also go into the published JSON Schema. */
interface StringRule {
  min?: number;
  max?: number;
  /** Each with its message, tested in order; JSON Schema gets the first as `pattern`, the others in `allOf`. */
  patterns?: [RegExp, string][];
  /** Tests with no JSON Schema form (what URL parsing or Intl refuse), each with its message. */
  checks?: [(value: string) => boolean, string][];
  description?: string;
}

/** The JSON Schema of a {@link str} field; scripts/build-schema.js reads it. */
interface WithJsonSchema {
  jsonSchema: Record<string, unknown>;
}

/**
 * Whether `value` has more than `max` characters, counted in code points as JSON Schema's maxLength
 * counts them (an emoji is one, not two UTF-16 units). Only called when `value.length > max`.
 */
function longerThan(value: string, max: number): boolean {
  let count = 0;
  for (let i = 0; i < value.length; i++, count++) {
    if (count === max) return true;
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character; a lone one counts as one too.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return false;
}

/**
 * A string field as one valibot step, which checks type, length and patterns in one pass: a pack
 * has thousands of string fields, and one step each keeps validation close to `JSON.parse`.
 */
function str(rule: StringRule) {
  const { min = 0, max, patterns = [], checks = [] } = rule;
  const problem = (value: unknown): string | undefined => {
    if (typeof value !== 'string') return `must be text, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
    // min is 0 or 1, where UTF-16 units and code points agree.
    if (value.length < min) return 'must not be empty';
    // Fast path: code points are counted only when the units are over the limit.
    if (max !== undefined && value.length > max && longerThan(value, max)) return `is longer than ${max} characters`;
    for (const [pattern, message] of patterns) if (!pattern.test(value)) return message;
    for (const [test, message] of checks) if (!test(value)) return message;
    return undefined;
  };
  const jsonSchema: Record<string, unknown> = { type: 'string' };
  if (min) jsonSchema.minLength = min;
  if (max !== undefined) jsonSchema.maxLength = max;
  const [first, ...more] = patterns;
  if (first) jsonSchema.pattern = first[0].source;
  if (more.length) jsonSchema.allOf = more.map(([pattern]) => ({ pattern: pattern.source }));
  if (rule.description) jsonSchema.description = rule.description;
  const schema = v.custom<string>(
    (value) => problem(value) === undefined,
    (issue) => problem(issue.input) ?? 'is not valid',
  );
  return Object.assign(schema, { jsonSchema }) as typeof schema & WithJsonSchema;
}

const slug = str({ max: 100, patterns: [[SLUG, 'must be a lowercase slug (a-z, 0-9 and single hyphens)']] });
const text = (max: number = LIMITS.short) => str({ min: 1, max });
const NOT_SAFE = 'is not an allowed URL (only https:, http:, mailto: and tel:)';
const URL_RULE = {
  max: 2_000,
  patterns: [[SAFE_URL, NOT_SAFE]],
  checks: [[isSafeUrl, NOT_SAFE]],
  description: 'An https:, http:, mailto: or tel: URL.',
} satisfies StringRule;
const url = str(URL_RULE);
const language = (message: string) => str({ min: 1, patterns: [[LANGUAGE, message]], checks: [[isLocale, message]] });
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(LIMITS.list, `has more than ${LIMITS.list} entries`));

// Objects are `v.object`: it checks the known fields and leaves the rest alone. validatePack
// returns the input itself, so unknown fields are kept without copying every object.
export const SourceSchema = v.object({
  id: slug,
  organisation: text(),
  title: v.optional(text()),
  url: v.optional(url),
});

export const TagSchema = v.object({ id: slug, label: text(100) });

export const AudienceSchema = v.object({ id: slug, label: text(100) });

export const LinkSchema = v.object({ label: text(), url });

export const TipSchema = v.object({
  id: slug,
  title: text(),
  body: v.pipe(list(text(LIMITS.text)), v.description('Paragraphs of plain text.')),
  tags: v.optional(list(slug)),
  source: v.optional(slug),
  links: v.optional(list(LinkSchema)),
  audiences: v.optional(v.pipe(list(slug), v.description("Ids from the pack's `audiences`: the readers this tip is for."))),
  templates: v.optional(v.pipe(list(slug), v.description('Ids of templates that put this tip to work.'))),
});

export const ContactSchema = v.object({
  id: slug,
  name: text(),
  role: v.optional(text()),
  organisation: v.optional(text()),
  email: v.optional(str({ max: EMAIL_MAX_LENGTH, patterns: [[EMAIL_PATTERN, 'is not an e-mail address']] })),
  phone: v.optional(
    str({
      patterns: [
        [PHONE_PATTERN, 'is not a phone number (digits, spaces, + ( ) . / - only)'],
        [PHONE_DIGITS_PATTERN, 'has fewer than 6 digits'],
      ],
    }),
  ),
  url: v.optional(url),
  photo: v.optional(str({ ...URL_RULE, patterns: [...URL_RULE.patterns, [HTTP_URL, 'must be an http(s) URL']], description: 'An https: or http: URL.' })),
  topics: v.optional(list(text(100))),
  languages: v.optional(list(language('is not a language tag'))),
  example: v.optional(v.boolean()),
});

export const ChecklistItemSchema = v.object({
  id: slug,
  text: text(1_000),
  tip: v.optional(slug),
  template: v.optional(v.pipe(slug, v.description('Id of a template for this step.'))),
});

export const ChecklistSchema = v.object({
  id: slug,
  title: text(),
  description: v.optional(text(LIMITS.text)),
  items: list(ChecklistItemSchema),
});

/** The kinds of template. Invitations, follow-ups and e-mails can open as a new e-mail. */
export const TEMPLATE_KINDS = ['agenda', 'invitation', 'follow-up', 'email'] as const;

// Places to fill in are written in square brackets, "[date]": a "[" must close before the next
// "[" or the end of the line, so that a reader sees at once where to type. Linear: the
// bracketed and unbracketed runs cannot overlap.
const MARKERS = /^[^[\]]*(?:\[[^[\]\r\n]+\][^[\]]*)*$/;
const MARKER_RULE = [MARKERS, 'has a "[" or "]" that does not mark a place to fill in (write them as [like this])'] as [RegExp, string];

export const TemplateSchema = v.object({
  id: slug,
  title: text(),
  kind: v.picklist(TEMPLATE_KINDS, `must be one of ${TEMPLATE_KINDS.map((kind) => `"${kind}"`).join(', ')}`),
  subject: v.optional(
    str({
      min: 1,
      max: LIMITS.short,
      patterns: [[/^[^\r\n]*$/, 'must be one line'], MARKER_RULE],
      description: 'The subject line of a new e-mail; one line.',
    }),
  ),
  text: str({
    min: 1,
    max: LIMITS.text,
    patterns: [MARKER_RULE],
    description: 'Plain text in lines ("\\n"); places to fill in are written in square brackets: [date].',
  }),
  source: v.optional(slug),
});

export const ContextSchema = v.object({
  id: slug,
  label: v.optional(text(100)),
  hosts: v.pipe(
    list(str({ patterns: [[/^(\*\.)?[a-z0-9.-]+$/, 'is not a host name']] })),
    v.description('Host names; "*.example.org" also matches its subdomains.'),
  ),
  paths: v.optional(v.pipe(list(str({ patterns: [[new RegExp('^/'), 'must start with "/"']] })), v.description('Path prefixes; none means the whole host.'))),
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
    audiences: v.optional(
      v.pipe(list(AudienceSchema), v.description('The readers tips can be for (youth work, school, …), in the order a role picker offers them.')),
    ),
    tips: list(TipSchema),
    contacts: v.optional(list(ContactSchema)),
    checklists: v.optional(list(ChecklistSchema)),
    templates: v.optional(list(TemplateSchema)),
    contexts: v.optional(list(ContextSchema)),
  }),
  v.title('Netwerkkracht content pack'),
  v.description('Tips, contacts, checklists and contexts for Netwerkkracht. Text is plain text; HTML is shown as text.'),
);

export type Source = v.InferOutput<typeof SourceSchema>;
export type Tag = v.InferOutput<typeof TagSchema>;
export type Audience = v.InferOutput<typeof AudienceSchema>;
export type Link = v.InferOutput<typeof LinkSchema>;
export type Tip = v.InferOutput<typeof TipSchema>;
export type Contact = v.InferOutput<typeof ContactSchema>;
export type ChecklistItem = v.InferOutput<typeof ChecklistItemSchema>;
export type Checklist = v.InferOutput<typeof ChecklistSchema>;
export type Template = v.InferOutput<typeof TemplateSchema>;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export type Context = v.InferOutput<typeof ContextSchema>;
export type Pack = v.InferOutput<typeof PackSchema>;
