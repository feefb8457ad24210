/** The interface languages the elements speak. Any other `lang` falls back to Dutch. */
export type Locale = 'nl' | 'en';

/** Strings per locale; both locales must have the same keys. */
export type Table<K extends string> = Record<Locale, Record<K, string>>;

/** Checks that both locales have the same keys, and keeps the keys' names for the types. */
export const table = <K extends string>(strings: Table<K>): Table<K> => strings;

// Strings more than one element uses. Each element keeps its own strings in its folder
// (`<element>.strings.ts`), so a page with one element does not download the others' text.
const common = table({
  nl: {
    loading: 'Laden…',
    packError: 'De inhoud kon niet worden geladen: {0}.',
    'problem-address': '"{0}" is geen geldig adres',
    'problem-timeout': 'de server antwoordde niet binnen {0} s',
    'problem-network': 'het pakket kon niet worden opgehaald (geen verbinding, of de server staat het niet toe)',
    'problem-status': 'de server antwoordde {0}',
    'problem-too-large': 'het pakket is groter dan {0} KB',
    'problem-encoding': 'het bestand is geen UTF-8-tekst (sla het op als UTF-8)',
    'problem-invalid': 'het pakket is niet geldig: {0}',
    'problem-missing': 'de pagina heeft geen pakket met id "{0}"',
    cached: 'Dit is een eerder bewaarde versie; de nieuwe kon niet worden geladen.',
    notFound: 'Niet gevonden: {0}.',
    empty: 'Er is hier nog niets om te tonen.',
    actionFailed: 'Dat lukte niet. Probeer het nog een keer.',
    source: 'Bron',
    tags: 'Onderwerpen',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    copyFailed: 'Kopiëren lukte niet. Selecteer de tekst en kopieer zelf.',
    progress: '{0} van {1} gedaan',
    tipTitle: 'Tip: {0}',
    favourite: 'Bewaren als favoriet',
  },
  en: {
    loading: 'Loading…',
    packError: 'The content could not be loaded: {0}.',
    'problem-address': '"{0}" is not a valid address',
    'problem-timeout': 'the server did not answer within {0} s',
    'problem-network': 'the pack could not be fetched (no connection, or the server does not allow it)',
    'problem-status': 'the server answered {0}',
    'problem-too-large': 'the pack is larger than {0} KB',
    'problem-encoding': 'the file is not UTF-8 text (save it as UTF-8)',
    'problem-invalid': 'the pack is not valid: {0}',
    'problem-missing': 'the page has no pack with id "{0}"',
    cached: 'This is a copy saved earlier; the new version could not be loaded.',
    notFound: 'Not found: {0}.',
    empty: 'There is nothing to show here yet.',
    actionFailed: 'That did not work. Please try again.',
    source: 'Source',
    tags: 'Topics',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copying did not work. Select the text and copy it yourself.',
    progress: '{0} of {1} done',
    tipTitle: 'Tip: {0}',
    favourite: 'Save as favourite',
  },
});

type CommonKey = keyof typeof common.nl;

function format(text: string, args: (string | number)[]): string {
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/**
 * A translator for one element: `t(locale, key, ...args)` looks `key` up in `table`, then in the
 * shared strings, and replaces `{0}`, `{1}` … by `args`.
 */
export function translator<K extends string>(own: Table<K>) {
  return (locale: Locale, key: K | CommonKey, ...args: (string | number)[]): string =>
    format((own[locale] as Record<string, string>)[key] ?? common[locale][key as CommonKey], args);
}

/** The shared string `key` in `locale`, with `{0}`, `{1}` … replaced by `args`. */
export const t = translator<never>({ nl: {}, en: {} });

/** Maps any language tag to a supported locale: `en-GB` → `en`, `fy` → `nl`. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
