// The packs the elements on a page will ask for, started before their code runs: used by the
// module loader and by the classic build, which both know where the default packs are.
import { prefetchPack } from '@netwerkkracht/core/prefetch.js';

/** The tags whose elements show a pack. */
const TAGS = ['nk-tip-card', 'nk-contact-card', 'nk-network-checklist', 'nk-tip-deck'];

/**
 * The pack an element will ask for: its `pack` URL, or the default pack of its language (`lang`
 * on it or an ancestor; Dutch unless English) in `packs`, as the elements decide it. Nothing for
 * a pack in the page (`#id`) or for inline content.
 */
function packOf(element: Element, packs: URL): string | undefined {
  const pack = element.getAttribute('pack');
  if (pack) return pack.startsWith('#') ? undefined : pack;
  if (element.localName === 'nk-tip-card' && !element.hasAttribute('tip')) return undefined;
  if (element.localName === 'nk-contact-card' && !element.hasAttribute('contact')) return undefined;
  // An empty lang says nothing, for the elements too: the next one up decides.
  const lang = element.closest('[lang]:not([lang=""])')?.getAttribute('lang')?.toLowerCase() ?? '';
  return new URL(`${lang.startsWith('en') ? 'en' : 'nl'}.json`, packs).href;
}

/**
 * Starts fetching, and reading the stored copy of, every pack the elements in the page will show
 * (`packs`: where the default packs are). The elements' own loads then take these instead of
 * starting theirs only once their code has run.
 */
export function prefetchPagePacks(packs: URL): void {
  for (const element of document.querySelectorAll(TAGS.join(','))) {
    const pack = packOf(element, packs);
    if (pack) prefetchPack(pack);
  }
}
