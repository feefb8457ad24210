// The robustness suite's shared material: the hostile-pack corpus (generated once, in
// tests/fixtures/hostile-packs.js, so that the CLI test in Node uses the same packs), the XSS
// payloads, and small helpers to watch a page for uncaught errors and freezes.
import { basePack, hostilePacks, packBytes, type HostilePack } from '../fixtures/hostile-packs.js';

export { basePack, packBytes, type HostilePack };

/** The corpus, built once per test file. */
export const CORPUS: HostilePack[] = hostilePacks();

/** Where the test server serves a corpus pack. `variant` makes a distinct URL (and cache key) for the same file. */
export function hostileUrl(name: string, variant = ''): string {
  return new URL(`/test-server/hostile/${name}${variant ? `?${variant}` : ''}`, location.href).href;
}

/** A pack host that answers each request with the next step (see tests/fixtures/test-server.js). */
export function sequenceUrl(key: string, ...steps: string[]): string {
  return new URL(`/test-server/sequence/${key}/${steps.join(',')}`, location.href).href;
}

/** A `blob:` URL serving `pack` as JSON: a pack "on a server" built in the page. */
export function blobUrl(pack: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(pack)], { type: 'application/json' }));
}

/**
 * Counts uncaught errors and unhandled rejections, and the longest time the page did not run a
 * timer (a frozen page), from `start()` until `stop()`.
 */
export function watchPage() {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(event.reason)}`);
  let last = performance.now();
  let longest = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    errors,
    /** The longest gap between two 20 ms ticks, in ms. */
    get longestFreeze() {
      return Math.max(longest, performance.now() - last);
    },
    start() {
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onRejection);
      last = performance.now();
      longest = 0;
      timer = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 20);
    },
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
      clearInterval(timer);
    },
  };
}

/** What the XSS tests count: every payload calls this with its number. */
export function installXssTrap(): { calls: number[]; restore(): void } {
  const calls: number[] = [];
  const scope = window as unknown as { __nkXss?: (n: number) => void };
  scope.__nkXss = (n: number) => void calls.push(n);
  return {
    calls,
    restore() {
      delete scope.__nkXss;
    },
  };
}

/**
 * Script in every form that has run in some browser or sanitiser: tags, event handlers, SVG and
 * MathML, mutation XSS, template syntax, and breakouts from attributes, comments and script text.
 * `§` is replaced by the payload's number.
 */
const TEXT_PAYLOADS = [
  '<script>__nkXss(§)</script>',
  '<img src=x onerror=__nkXss(§)>',
  '<svg onload=__nkXss(§)>',
  '<svg><script>__nkXss(§)</script></svg>',
  '<svg><animate onbegin=__nkXss(§) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__nkXss(§)>',
  '<noscript><p title="</noscript><img src=x onerror=__nkXss(§)>">',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=__nkXss(§) src>">',
  '<!--<img src="--><img src=x onerror=__nkXss(§)//">',
  '<iframe srcdoc="<script>parent.__nkXss(§)</script>"></iframe>',
  '<object data="data:text/html,<script>parent.__nkXss(§)</script>"></object>',
  '<details open ontoggle=__nkXss(§)>',
  '<input autofocus onfocus=__nkXss(§)>',
  '<video><source onerror=__nkXss(§)></video>',
  '<body onload=__nkXss(§)>',
  '"><img src=x onerror=__nkXss(§)>',
  "' autofocus onfocus='__nkXss(§)",
  '</script><script>__nkXss(§)</script>',
  '</style><img src=x onerror=__nkXss(§)>',
  '<a href="javascript:__nkXss(§)">link</a>',
  'javascript:__nkXss(§)',
  '${__nkXss(§)}',
  "{{constructor.constructor('__nkXss(§)')()}}",
  '<base href="javascript:__nkXss(§)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__nkXss(§)">',
  'x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:__nkXss(§)',
];

/** URLs that must never become a link, an image or a navigation. */
const URL_PAYLOADS = [
  'javascript:__nkXss(§)',
  ' javascript:__nkXss(§)',
  'JAVASCRIPT:__nkXss(§)',
  'java\tscript:__nkXss(§)',
  '\u0001javascript:__nkXss(§)',
  'javascript&colon;__nkXss(§)',
  'data:text/html,<script>parent.__nkXss(§)</script>',
  'vbscript:__nkXss(§)',
  'https://example.org/"><img src=x onerror=__nkXss(§)>',
  "https://example.org/'onmouseover='__nkXss(§)",
  'mailto:a@example.org?body=<script>__nkXss(§)</script>',
  'tel:+31<img src=x onerror=__nkXss(§)>',
];

export interface Payload {
  n: number;
  kind: 'text' | 'url';
  value: string;
}

export const PAYLOADS: Payload[] = [
  ...TEXT_PAYLOADS.map((value, i) => ({ n: i + 1, kind: 'text' as const, value: value.replaceAll('§', String(i + 1)) })),
  ...URL_PAYLOADS.map((value, i) => ({ n: 101 + i, kind: 'url' as const, value: value.replaceAll('§', String(101 + i)) })),
];

type Pack = ReturnType<typeof basePack> & Record<string, unknown>;

/** The base pack with `text` in every text field (with a short label in front, so each field stays distinct). */
export function packWithText(text: string, id = 'xss-text'): Pack {
  const pack = basePack() as Pack;
  const put = (label: string) => `${label} ${text}`;
  pack.id = id;
  pack.title = put('Pack');
  pack.description = put('Description');
  pack.version = put('Version').slice(0, 100);
  for (const source of pack.sources) {
    source.organisation = put('Organisation');
    source.title = put('Source title');
  }
  // Labels, topics and versions may have 100 characters: the longest payloads are cut there.
  for (const tag of pack.tags) tag.label = put('Tag').slice(0, 100);
  for (const tip of pack.tips) {
    tip.title = put('Tip');
    tip.body = [put('Body'), text];
    for (const link of tip.links ?? []) link.label = put('Link');
  }
  for (const contact of pack.contacts) {
    contact.name = put('Name');
    contact.role = put('Role');
    contact.organisation = put('Org');
    contact.topics = [put('Topic').slice(0, 100)];
  }
  for (const checklist of pack.checklists) {
    checklist.title = put('Checklist');
    checklist.description = put('Checklist description');
    for (const item of checklist.items) item.text = put('Item');
  }
  for (const context of pack.contexts) context.label = put('Context').slice(0, 100);
  // A template on every tip and item, one opened as an e-mail: its title, subject and text as well.
  // A subject is one line, so a payload's line breaks are spaces there.
  pack.templates = [{ id: 'mail', title: put('Template'), kind: 'invitation', subject: put('Subject').replace(/[\r\n]+/g, ' '), text: put('Template text') }];
  for (const tip of pack.tips) Object.assign(tip, { templates: ['mail'] });
  for (const checklist of pack.checklists) for (const item of checklist.items) Object.assign(item, { template: 'mail' });
  return pack;
}

/** The base pack with `url` in every URL field, and with `contactFields` as e-mail and phone too. */
export function packWithUrl(url: string, id = 'xss-url', contactFields = false): Pack {
  const pack = basePack() as Pack;
  pack.id = id;
  pack.sources[0]!.url = url;
  for (const tip of pack.tips) tip.links = [{ label: 'Link', url }];
  Object.assign(pack.contacts[0]!, { url, photo: url }, contactFields ? { email: url, phone: url } : {});
  return pack;
}
