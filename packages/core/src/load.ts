import type { Pack } from './schema.js';
import { createRecordStore } from './storage/record-store.js';
import type { Records } from './storage/types.js';
import { decodePackBytes, readAtMost, withoutBom } from './decode.js';
import { answerWithin } from './within.js';
import type { PackIssue, PackResult } from './validate.js';

/** Where the pack that {@link loadPack} returned came from: `inline` is a `#id` in the page. */
export type PackOrigin = 'network' | 'cache' | 'inline';

/** A loaded pack. With `origin: 'cache'`, `problem` says why the network copy was not used. */
export interface LoadedPack {
  pack: Pack;
  origin: PackOrigin;
  problem?: PackLoadError;
  /**
   * With `cacheFirst`, when the stored copy was returned: settles once the network has been asked.
   * It gives the network's copy (`origin: 'network'`) when that differs from the stored one, the
   * stored copy with the `problem` when the network failed, and undefined when the copy is current.
   * It never rejects.
   */
  update?: Promise<LoadedPack | undefined>;
}

/**
 * What kind of failure a {@link PackLoadError} is, so that an interface can say it in its own
 * language: `detail` carries the number or text to fill in (seconds, status, KB, first issue).
 */
export type PackProblemKind = 'address' | 'timeout' | 'network' | 'status' | 'too-large' | 'encoding' | 'invalid' | 'missing' | 'other';

/** Why a pack could not be loaded: a readable message plus, for an invalid pack, every issue. */
export class PackLoadError extends Error {
  override name = 'PackLoadError';
  constructor(
    message: string,
    readonly url: string,
    readonly issues: PackIssue[] = [],
    readonly kind: PackProblemKind = 'other',
    readonly detail = '',
  ) {
    super(message);
  }
}

/** Options for {@link loadPack}. */
export interface LoadPackOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeout?: number;
  /** Refuse larger files (default 2 MB). */
  maxBytes?: number;
  /** Ask the network again instead of sharing a load already made on this page. */
  fresh?: boolean;
  /**
   * Return the stored copy at once when there is one, and ask the network in the background
   * (`update` on the result says what it found). Without it, the network is asked first and the
   * stored copy is only the fall back.
   */
  cacheFirst?: boolean;
  /**
   * Skip the full validation: only for the default packs built and validated with this code. It
   * keeps the validator (a third of the embed's size) off pages that show only default content.
   */
  trusted?: boolean;
  /** Where the last good pack is kept (default: IndexedDB database `netwerkkracht-packs`). */
  cache?: Records<CachedPack>;
  signal?: AbortSignal;
}

/** What the cache keeps per pack URL. */
export interface CachedPack {
  pack: Pack;
  etag?: string;
  storedAt: string;
}

/**
 * What `prefetchPack` started for `url` under the symbol `name` (the request, or the read of the
 * stored copy), once. Read through the shared symbol rather than by importing prefetch.ts: the
 * widgets' loader bundles that module, and a chunk importing it would import the loader itself.
 */
function takePrefetched<T>(name: string, url: string): Promise<T> | undefined {
  const started = (globalThis as { [key: symbol]: Map<string, Promise<T> | null> | undefined })[Symbol.for(name)];
  const promise = started?.get(url);
  if (!promise) return undefined;
  started!.set(url, null);
  return promise;
}

/** `promise`, or the signal's reason once it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const loads = new Map<string, Promise<LoadedPack>>();
let defaultCache: Records<CachedPack> | undefined;

/** The body of `response`, refused with a `too-large` {@link PackLoadError} past `maxBytes`. */
async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const kb = String(Math.round(maxBytes / 1024));
  const tooLarge = () => new PackLoadError(`the pack is larger than ${kb} KB`, url, [], 'too-large', kb);
  if (Number(response.headers.get('content-length')) > maxBytes) throw tooLarge();
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const bytes = await readAtMost(response.body, maxBytes);
  if (!bytes) throw tooLarge();
  return bytes;
}

/** Validates the text of a pack, or throws the {@link PackLoadError} that says why it is refused. */
async function checkedPack(text: string, url: string, trusted: boolean | undefined): Promise<Pack> {
  const result = trusted ? parseTrusted(text) : (await import('./validate.js')).parsePack(text);
  if (result.ok) return result.pack;
  const { formatIssue } = await import('./validate.js');
  const first = result.issues[0]!;
  const more = result.total > 1 ? ` (and ${result.total - 1} more)` : '';
  const detail = `${formatIssue(first)}${more}`;
  throw new PackLoadError(`the pack is not valid: ${detail}`, url, result.issues, 'invalid', detail);
}

/** Resolves once the document is parsed, so that a pack written after the element is there. */
function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * A pack in the page itself: the JSON text of the element with id `id`, usually a
 * `<script type="application/json">`. The browser never runs such a block, so it works under a
 * strict Content-Security-Policy. Not cached: the page is its own copy.
 */
async function inlinePack(id: string, options: LoadPackOptions): Promise<LoadedPack> {
  const url = `#${id}`;
  if (typeof document !== 'object') throw new PackLoadError(`no page to find "${url}" in`, url, [], 'missing', id);
  await documentParsed();
  const holder = id ? document.getElementById(id) : null;
  if (!holder) throw new PackLoadError(`the page has no element with id "${id}"`, url, [], 'missing', id);
  const text = holder.textContent ?? '';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Characters, not bytes: an upper bound that needs no encoding of the whole text.
  if (text.length > maxBytes) {
    const kb = String(Math.round(maxBytes / 1024));
    throw new PackLoadError(`the pack is larger than ${kb} KB`, url, [], 'too-large', kb);
  }
  return { pack: await checkedPack(text, url, false), origin: 'inline' };
}

/** JSON.parse and a shape check, for a trusted default pack. */
function parseTrusted(text: string): PackResult {
  try {
    const data = JSON.parse(withoutBom(text)) as Pack;
    if (data?.schemaVersion === 1 && Array.isArray(data.tips)) return { ok: true, pack: data, issues: [], total: 0 };
  } catch {
    // Reported below like any other broken pack.
  }
  return { ok: false, issues: [{ path: '', message: 'the default pack is damaged' }], total: 1 };
}

async function fetchPack(url: string, options: LoadPackOptions, cached: CachedPack | undefined): Promise<LoadedPack & { etag?: string }> {
  // The caller may have given up while the cached copy was read.
  if (options.signal?.aborted) throw options.signal.reason;
  const controller = new AbortController();
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const seconds = String(timeout / 1000);
  const timer = setTimeout(() => controller.abort(new PackLoadError(`the server did not answer within ${seconds} s`, url, [], 'timeout', seconds)), timeout);
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason), { once: true });
  try {
    const headers: HeadersInit = cached?.etag ? { 'if-none-match': cached.etag } : {};
    let response: Response;
    try {
      const prefetched = options.fresh ? undefined : takePrefetched<Response>('netwerkkracht.prefetched-packs', url);
      response = await (prefetched ? untilAborted(prefetched, controller.signal) : fetch(url, { signal: controller.signal, headers, credentials: 'omit' }));
    } catch (error) {
      if (controller.signal.reason instanceof PackLoadError) throw controller.signal.reason;
      if (options.signal?.aborted) throw options.signal.reason;
      const why = (error as Error).message || 'network error';
      throw new PackLoadError(`the pack could not be fetched (${why})`, url, [], 'network', why);
    }
    if (response.status === 304 && cached) return { pack: cached.pack, origin: 'network', etag: cached.etag };
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      throw new PackLoadError(`the server answered ${status}`, url, [], 'status', status);
    }
    let text: string;
    try {
      text = decodePackBytes(await readLimited(response, options.maxBytes ?? DEFAULT_MAX_BYTES, url));
    } catch (error) {
      if (error instanceof PackLoadError) throw error;
      if (controller.signal.reason instanceof PackLoadError) throw controller.signal.reason;
      if (options.signal?.aborted) throw options.signal.reason;
      // decodePackBytes: a file that is not UTF-8 text.
      throw new PackLoadError((error as Error).message, url, [], 'encoding');
    }
    const pack = await checkedPack(text, url, options.trusted);
    return { pack, origin: 'network', etag: response.headers.get('etag') ?? undefined };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * How long the network waits for the cached copy (for its ETag). IndexedDB answers in
 * milliseconds, but another tab's upgrade can hold it for seconds: the fetch then goes without
 * If-None-Match, and the cached copy is still looked for if the fetch fails.
 */
const CACHE_WAIT = 250;

/** A load failure as a {@link PackLoadError}. */
function asProblem(error: unknown, url: string): PackLoadError {
  return error instanceof PackLoadError ? error : new PackLoadError(`the pack could not be loaded (${String(error)})`, url);
}

/**
 * Fetches `url` and starts keeping a new copy; `changed` is false after a 304 (the stored copy is
 * current). `stored` settles when the copy is kept, and never rejects: failing to cache is no
 * reason to fail the load.
 */
async function fromNetwork(url: string, options: LoadPackOptions, cache: Records<CachedPack>, cached: CachedPack | undefined) {
  const { pack, etag } = await fetchPack(url, options, cached);
  if (pack === cached?.pack) return { pack, changed: false, stored: Promise.resolve() };
  const stored = cache.write(url, { pack, etag, storedAt: new Date().toISOString() }).catch(() => undefined);
  return { pack, changed: true, stored };
}

/** Whether two packs hold the same data: a server without ETags sends the same pack in full. */
function samePack(a: Pack, b: Pack): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // Nested too deep for the engine's stack (an accepted pack can be): take it as changed.
    return false;
  }
}

/** The background check of a stored copy already shown (`cacheFirst`). */
async function revalidate(url: string, options: LoadPackOptions, cache: Records<CachedPack>, cached: CachedPack): Promise<LoadedPack | undefined> {
  try {
    const { pack, changed, stored } = await fromNetwork(url, options, cache, cached);
    // Nobody waits for this check: its copy is kept before it is shown, so that a visit closed
    // right after does not leave the older copy for the next one.
    await answerWithin(stored, CACHE_WAIT);
    return changed && !samePack(pack, cached.pack) ? { pack, origin: 'network' } : undefined;
  } catch (error) {
    if (options.signal?.aborted) return undefined;
    return { pack: cached.pack, origin: 'cache', problem: asProblem(error, url) };
  }
}

async function load(url: string, options: LoadPackOptions): Promise<LoadedPack> {
  const cache = options.cache ?? (defaultCache ??= createRecordStore<CachedPack>('netwerkkracht-packs', { broadcast: false }));
  // The default cache's copy may be on its way already, read by prefetchPack.
  const prefetchedCopy = options.cache ? undefined : takePrefetched<CachedPack | undefined>('netwerkkracht.prefetched-pack-copies', url);
  const reading = prefetchedCopy ?? Promise.resolve().then(() => cache.read(url));
  let cached = await answerWithin(reading, CACHE_WAIT);
  if (cached && options.cacheFirst) return { pack: cached.pack, origin: 'cache', update: revalidate(url, options, cache, cached) };
  try {
    // Shown at once; the copy is kept in the background (the cache answers reads from memory meanwhile).
    return { pack: (await fromNetwork(url, options, cache, cached)).pack, origin: 'network' };
  } catch (error) {
    // The caller gave up: that is an answer for that caller only, not a reason to use the cache.
    if (options.signal?.aborted) throw options.signal.reason;
    const problem = asProblem(error, url);
    // Bounded, as the store's own wait for a blocked database is.
    cached ??= await answerWithin(reading, 3000);
    if (cached) return { pack: cached.pack, origin: 'cache', problem };
    throw problem;
  }
}

/**
 * Fetches a content pack, validates it and keeps it as the last good copy. When the network fails
 * or the new copy is invalid, the last good copy is returned with `origin: 'cache'` and the
 * problem; with no good copy, it rejects with a {@link PackLoadError}. With `cacheFirst`, a stored
 * copy comes back at once (`origin: 'cache'`) and `update` brings what the network says. When `signal` aborts, it
 * rejects with the signal's reason. Loads of the same URL on one page are shared unless `fresh`,
 * `cache` or `signal` is given. Relative URLs resolve against the document.
 *
 * `#my-pack` reads the pack from the page: the JSON text of the element with id `my-pack`
 * (`<script type="application/json" id="my-pack">`), validated like any other, with `origin:
 * 'inline'`; a missing element rejects with kind `missing`.
 */
export function loadPack(url: string | URL, options: LoadPackOptions = {}): Promise<LoadedPack> {
  if (typeof url === 'string' && url.startsWith('#')) {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    return inlinePack(url.slice(1), options);
  }
  const base = typeof document === 'object' ? document.baseURI : undefined;
  let href: string;
  try {
    href = new URL(url, base).href;
  } catch {
    return Promise.reject(new PackLoadError(`"${String(url)}" is not a valid address`, String(url), [], 'address', String(url)));
  }
  if (options.signal?.aborted) return Promise.reject(options.signal.reason);
  // A load with its own cache or signal is that caller's alone: another caller must not get its
  // cache, nor its abort.
  const shared = !options.cache && !options.signal;
  const key = options.cacheFirst ? `cache-first ${href}` : href;
  if (shared && !options.fresh && loads.has(key)) return loads.get(key)!;
  const promise = load(href, options);
  if (shared) {
    loads.set(key, promise);
    // Only a load that reached the network is kept for the page: after a failure, or a fall back to
    // the cached copy, the next element that asks tries the network again. A stored copy shown
    // first is kept while its check runs, and replaced by what the check brought.
    const forget = () => {
      if (loads.get(key) === promise) loads.delete(key);
    };
    promise.then((loaded) => {
      if (loaded.problem) forget();
      loaded.update?.then((update) => {
        if (!update || loads.get(key) !== promise) return;
        if (update.problem) forget();
        else loads.set(key, Promise.resolve(update));
      });
    }, forget);
  }
  return promise;
}
