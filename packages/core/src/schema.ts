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

const slug = v.pipe(
  v.string(),
  v.regex(SLUG, 'must be a lowercase slug (a-z, 0-9 and single hyphens)'),
  v.maxLength(100, 'is longer than 100 characters'),
);
const text = (max: number = LIMITS.short) =>
  v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `is longer than ${max} characters`));
const url = v.pipe(
  v.string(),
  v.maxLength(2_000, 'is longer than 2000 characters'),
  v.check(isSafeUrl, 'is not an allowed URL (only https:, http:, mailto: and tel:)'),
  v.description('An https:, http:, mailto: or tel: URL.'),
);
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(LIMITS.list, `has more than ${LIMITS.list} entries`));

export const SourceSchema = v.looseObject({
  id: slug,
  organisation: text(),
  title: v.optional(text()),
  url: v.optional(url),
});

export const TagSchema = v.looseObject({ id: slug, label: text(100) });

export const LinkSchema = v.looseObject({ label: text(), url });

export const TipSchema = v.looseObject({
  id: slug,
  title: text(),
  body: v.pipe(list(text(LIMITS.text)), v.description('Paragraphs of plain text.')),
  tags: v.optional(list(slug)),
  source: v.optional(slug),
  links: v.optional(list(LinkSchema)),
});

export const ContactSchema = v.looseObject({
  id: slug,
  name: text(),
  role: v.optional(text()),
  organisation: v.optional(text()),
  email: v.optional(v.pipe(v.string(), v.maxLength(254), v.regex(EMAIL, 'is not an e-mail address'))),
  phone: v.optional(
    v.pipe(
      v.string(),
      v.regex(PHONE, 'is not a phone number (digits, spaces, + ( ) . / - only)'),
      v.check((p) => p.replace(/\D/g, '').length >= 6, 'has fewer than 6 digits'),
    ),
  ),
  url: v.optional(url),
  photo: v.optional(v.pipe(url, v.check((u) => u.startsWith('https:') || u.startsWith('http:'), 'must be an http(s) URL'))),
  topics: v.optional(list(text(100))),
  languages: v.optional(list(v.pipe(v.string(), v.check(isLocale, 'is not a language tag')))),
  example: v.optional(v.boolean()),
});

export const ChecklistItemSchema = v.looseObject({ id: slug, text: text(1_000), tip: v.optional(slug) });

export const ChecklistSchema = v.looseObject({
  id: slug,
  title: text(),
  description: v.optional(text(LIMITS.text)),
  items: list(ChecklistItemSchema),
});

export const ContextSchema = v.looseObject({
  id: slug,
  label: v.optional(text(100)),
  hosts: v.pipe(
    list(v.pipe(v.string(), v.regex(/^(\*\.)?[a-z0-9.-]+$/, 'is not a host name'))),
    v.description('Host names; "*.example.org" also matches its subdomains.'),
  ),
  paths: v.optional(
    v.pipe(
      list(v.pipe(v.string(), v.startsWith('/', 'must start with "/"'))),
      v.description('Path prefixes; none means the whole host.'),
    ),
  ),
  tags: list(slug),
});

export const PackSchema = v.pipe(
  v.looseObject({
    $schema: v.optional(v.string()),
    schemaVersion: v.literal(SCHEMA_VERSION, `must be ${SCHEMA_VERSION}`),
    id: slug,
    locale: v.pipe(v.string(), v.check(isLocale, 'is not a language tag like "nl" or "en-GB"')),
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
