// The one script an editor puts on a page. It loads the code of an element only when the page
// uses that element; the elements find the default packs in `packs/` beside this script
// (pack-base.ts), so the whole dist/ folder can be copied to any static host or CDN.
// It asks for everything a page needs at once: every chunk of its elements (modulepreload, from
// the chunk map the build writes in) and the packs they will show. Before that it gives every
// element on the page the room its content will take, so that nothing moves when the chunks come.
import { chunks, elements } from './elements.js';
import { prefetchPagePacks } from './page-packs.js';

/**
 * The room rules of netwerkkracht.css (its "room start" … "room end" part), written in by the
 * build (the `nk-room-css` rollup plugin replaces the JSON text); unbuilt, the marker itself.
 */
const room = JSON.parse('"__NK_ROOM_CSS__"') as string;

/**
 * Adopts the room rules into the document, so that each element keeps its height from now on and
 * not only once its own chunk has run, and all of them at once. A constructed stylesheet, which a
 * Content-Security-Policy without 'unsafe-inline' for styles allows. Rules that only apply to
 * elements not yet defined: the elements' own styles take over at the same size.
 */
function keepRoom(): void {
  if (room.startsWith('__NK_')) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(room);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // A browser without constructed stylesheets: the elements' own placeholders still apply.
  }
}

const requested = new Set<string>();
const preloaded = new Set<string>();

/** Adds a `modulepreload` link for every chunk `tag` needs, so that none waits for the one before. */
function preload(tag: string): void {
  if (typeof chunks !== 'object') return;
  for (const file of chunks[tag] ?? []) {
    const href = new URL(file, import.meta.url).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  preload(tag);
  elements[tag]!().catch((error: unknown) => {
    // Let a later tag retry; a failed chunk (offline, blocked) must not break the host page.
    requested.delete(tag);
    console.warn(`Netwerkkracht: could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(elements)) {
    if (root.querySelector(tag)) load(tag);
  }
}

function start(): void {
  keepRoom();
  // The packs first: they are the last link in the chain otherwise.
  prefetchPagePacks(new URL('packs/', import.meta.url));
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          // Own keys only: an element named <constructor> or <tostring> is not one of ours.
          if (Object.hasOwn(elements, node.localName)) load(node.localName);
          scan(node);
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

start();
