// The one script an editor puts on a page. It loads the code of an element only when the page
// uses that element; the elements find the default packs in `packs/` beside this script
// (pack-base.ts), so the whole dist/ folder can be copied to any static host or CDN.
import { elements } from './elements.js';

const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
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
