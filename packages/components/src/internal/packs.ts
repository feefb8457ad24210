import type { Locale } from './i18n.js';

let base: string | URL | undefined;

/**
 * Sets where the default packs live (`<base>nl.json`, `<base>en.json`). The widgets bundle sets
 * this to the `packs/` folder beside its own script; npm users point it at their copy of
 * `@netwerkkracht/content/packs/`.
 */
export function setDefaultPackBase(url: string | URL): void {
  base = url;
}

/** The URL of the default pack for `locale`. */
export function defaultPackUrl(locale: Locale): string {
  return new URL(`${locale}.json`, new URL(String(base ?? '/netwerkkracht/packs/'), document.baseURI)).href;
}
