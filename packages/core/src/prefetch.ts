/**
 * Where {@link prefetchPack} leaves its requests for `loadPack`: on `globalThis` under a shared
 * symbol, so that a loader script and the code it loads later (two bundles) meet without one
 * importing the other.
 */
export const PREFETCHED_PACKS = Symbol.for('netwerkkracht.prefetched-packs');

/** A started request per pack URL; `null` once `loadPack` has taken it. */
type Prefetched = Map<string, Promise<Response> | null>;

/** The page's prefetched requests. */
export function prefetchedPacks(): Prefetched {
  const holder = globalThis as { [PREFETCHED_PACKS]?: Prefetched };
  return (holder[PREFETCHED_PACKS] ??= new Map());
}

/**
 * Starts fetching a pack before the code that shows it has loaded; the first `loadPack` of the
 * same URL uses this response instead of asking again. The request is the one `loadPack` makes
 * (`credentials: 'omit'`), which a `<link rel="preload">` cannot match. A URL already prefetched
 * on this page is not asked for twice.
 */
export function prefetchPack(url: string | URL): void {
  let href: string;
  try {
    href = new URL(url, typeof document === 'object' ? document.baseURI : undefined).href;
  } catch {
    return; // loadPack says what is wrong with the address.
  }
  const requests = prefetchedPacks();
  if (requests.has(href)) return;
  const request = fetch(href, { credentials: 'omit' });
  // A failure is reported by the loadPack that takes the request, not as an unhandled rejection.
  request.catch(() => undefined);
  requests.set(href, request);
}
