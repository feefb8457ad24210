import { css, html, nothing, type ReactiveController } from 'lit';
import type { FavouritesStore, StorageMode, StoreEvent } from '@netwerkkracht/core';
import { emit } from './emit.js';
import { translator } from './i18n.js';
import type { NkElement } from './nk-element.js';

const t = translator({
  nl: {
    favouritesNotSaved: 'Je favorieten worden nu niet bewaard op dit apparaat. Als je de pagina sluit, ben je ze kwijt.',
    favouriteFailed: 'De favoriet kon niet worden bewaard. Probeer het nog een keer.',
  },
  en: {
    favouritesNotSaved: 'Your favourites are not being saved on this device right now. If you close the page, they are lost.',
    favouriteFailed: 'The favourite could not be saved. Please try again.',
  },
});

/** Detail of `nk-favourite-change`. */
export interface FavouriteChangeDetail {
  packId: string;
  tipId: string;
  favourite: boolean;
}

const loadStore = (): Promise<FavouritesStore> => import('./favourites-store.js').then((module) => module.sharedFavourites());

/** Every connected controller: one store subscription and one read per pack serve them all. */
const controllers = new Set<FavouritesController>();
/** The favourites of each pack as last read or heard. */
const known = new Map<string, readonly string[]>();
const reading = new Map<string, Promise<void>>();
let mode: StorageMode = 'indexeddb';
let unsubscribe: (() => void) | undefined;
/**
 * Which subscription is wanted: positive while controllers are connected (the number of the one
 * asked for), negative once they have all gone, so that a store arriving late subscribes nobody.
 */
let listening = 0;

/**
 * Sets what is known of a pack and shows it in every element that shows the pack. A read that
 * finds what is known already renders nothing again: on a page of many cards, each card's first
 * read would otherwise render all of them once more.
 */
function learn(packId: string, ids: readonly string[]): void {
  const before = known.get(packId) ?? [];
  known.set(packId, ids);
  if (before.length === ids.length && before.every((id, i) => id === ids[i])) return;
  for (const controller of controllers) if (controller.packId === packId) controller.host.requestUpdate();
}

function setMode(next: StorageMode): void {
  if (next === mode) return;
  mode = next;
  for (const controller of controllers) controller.host.requestUpdate();
}

function heard(event: StoreEvent<string[]>): void {
  if (event.type === 'mode') setMode(event.mode);
  else learn(event.key, event.value ?? []);
}

function listen(): void {
  if (listening > 0) return;
  const asked = (listening = 1 + Math.abs(listening));
  loadStore().then(
    (store) => {
      if (listening === asked) unsubscribe = store.subscribe(heard);
    },
    () => {
      // No store (the chunk did not load): the next element to show a pack asks again.
      if (listening === asked) listening = -asked;
    },
  );
}

function stopListening(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  listening = -Math.abs(listening);
}

/** Reads the favourites of `packId` once, however many elements ask at the same time. */
function read(packId: string): Promise<void> {
  let pending = reading.get(packId);
  if (!pending) {
    pending = loadStore()
      .then(async (store) => {
        const ids = await store.read(packId);
        setMode(store.mode);
        learn(packId, ids ?? []);
      })
      .catch(() => {})
      .finally(() => reading.delete(packId));
    reading.set(packId, pending);
  }
  return pending;
}

/**
 * The favourite tips of the pack an element shows, kept on the device and the same in every tip
 * card and deck on the page (and in other tabs). A change is read from the store and written in
 * one step there, so no element writes a list it read earlier, and the stars show what the store
 * holds: a change that failed leaves them as they were, and says so with `role="alert"`. While
 * favourites are kept in memory only (IndexedDB failing) the element that changed one says that.
 */
export class FavouritesController implements ReactiveController {
  /** The pack whose favourites the element shows. */
  packId: string | undefined;
  /** A favourite was changed from this element: it is the one that tells when saving fails. */
  private changed = false;
  private failed = false;

  constructor(readonly host: NkElement) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    if (this.packId) listen();
  }

  hostDisconnected(): void {
    controllers.delete(this);
    if (!controllers.size) stopListening();
  }

  /**
   * Shows the favourites of `packId`; call it once the pack's tips are on their way to the screen.
   * Resolves once they have been read.
   */
  show(packId: string): Promise<void> {
    if (packId !== this.packId) this.changed = this.failed = false;
    this.packId = packId;
    listen();
    return read(packId);
  }

  /** The favourite tip ids, in the order they were chosen. */
  get ids(): readonly string[] {
    return (this.packId && known.get(this.packId)) || [];
  }

  has(tipId: string): boolean {
    return this.ids.includes(tipId);
  }

  /**
   * Makes `tipId` a favourite or not and fires `nk-favourite-change` on the element once it is
   * saved; resolves with its new state, or undefined when that failed.
   */
  async toggle(tipId: string): Promise<boolean | undefined> {
    const packId = this.packId;
    if (!packId) return undefined;
    const favourite = !this.has(tipId);
    this.changed = true;
    this.failed = false;
    try {
      const store = await loadStore();
      learn(packId, await store.setFavourite(packId, tipId, favourite));
      setMode(store.mode);
    } catch {
      this.failed = true;
      this.host.requestUpdate();
      return undefined;
    }
    emit(this.host, 'nk-favourite-change', { packId, tipId, favourite });
    return favourite;
  }

  /** What the element says about saving favourites: a failed change, or that they are not kept. */
  renderMessage() {
    const locale = this.host.locale;
    if (this.failed) return html`<p role="alert" part="notice" class="favourites-notice">${t(locale, 'favouriteFailed')}</p>`;
    if (this.changed && mode === 'memory') return html`<p role="alert" part="notice" class="favourites-notice">${t(locale, 'favouritesNotSaved')}</p>`;
    return nothing;
  }
}

export const favouritesStyles = css`
  .favourites-notice {
    margin: 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_nk-accent);
    border-radius: var(--_nk-radius);
    background: var(--_nk-subtle);
  }
`;

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-favourite-change': CustomEvent<FavouriteChangeDetail>;
  }
}
