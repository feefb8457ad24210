import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Pack } from '@netwerkkracht/core';

/** The studio's own database, apart from the elements' progress and cache. */
export const DRAFT_DATABASE = 'netwerkkracht-studio';
const KEY = 'draft';

/** What is kept between visits: the pack as it is being written, and when it was saved. */
export interface Draft {
  pack: Pack;
  savedAt: number;
}

let store: UseStore | undefined;
// Opened on first use, so that importing the studio touches no database.
const drafts = () => (store ??= createStore(DRAFT_DATABASE, 'drafts'));

/** The saved draft, or undefined when there is none. Rejects when IndexedDB fails. */
export function loadDraft(): Promise<Draft | undefined> {
  return get<Draft>(KEY, drafts());
}

/** Saves `pack` as the draft. Rejects when IndexedDB fails (private mode, full disk, broken database). */
export function saveDraft(pack: Pack): Promise<void> {
  return set(KEY, { pack, savedAt: Date.now() } satisfies Draft, drafts());
}

/** Removes the draft. */
export function discardDraft(): Promise<void> {
  return del(KEY, drafts());
}
