// What an organisation set for the extension through policy (storage.managed), and how that
// combines with the user's own settings. The user's settings are never overwritten: the effective
// value is worked out on every read, so removing a policy brings the user's own choice back.
// No browser APIs: tested on its own.
import { packOrigin } from './pack-origin.js';
import { TOOL_ORIGINS } from './tools/origins.js';
import type { ToolId } from './tools/tool.js';

/**
 * The organisation's settings, checked. A value of the wrong shape counts as not set. A lock
 * without a value locks the default: `syncProgressLocked` alone means sync is not allowed.
 */
export interface Managed {
  /** The organisation's pack (https), or '' for the pack inside the extension. */
  packUrl?: string;
  packUrlLocked: boolean;
  /** The tools that get a launcher. */
  tools?: ToolId[];
  /** Only the tools in `tools` may have a launcher, and the user cannot switch those off. */
  toolsLocked: boolean;
  syncProgress?: boolean;
  syncProgressLocked: boolean;
}

/** Nothing set by an organisation. */
export const UNMANAGED: Managed = { packUrlLocked: false, toolsLocked: false, syncProgressLocked: false };

/** Reads what storage.managed holds; anything else than the schema's shapes is left out. */
export function parseManaged(raw: unknown): Managed {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const managed: Managed = { packUrlLocked: r.packUrlLocked === true, toolsLocked: r.toolsLocked === true, syncProgressLocked: r.syncProgressLocked === true };
  if (typeof r.packUrl === 'string') {
    const packUrl = r.packUrl.trim();
    if (packUrl === '' || packOrigin(packUrl)) managed.packUrl = packUrl;
  }
  if (Array.isArray(r.tools)) {
    managed.tools = [...new Set(r.tools.filter((id): id is ToolId => typeof id === 'string' && Object.hasOwn(TOOL_ORIGINS, id)))];
  }
  if (typeof r.syncProgress === 'boolean') managed.syncProgress = r.syncProgress;
  return managed;
}

/**
 * Who decided a setting: the organisation, locked or as a starting value the user may change;
 * the user; or nobody (the default).
 */
export type Source = 'locked' | 'organisation' | 'user' | 'default';

/**
 * One setting: a lock gives the organisation's value (or the default); otherwise the user's own
 * choice, once made, wins over the organisation's starting value.
 */
export function choose<T>(own: T | undefined, organisation: T | undefined, locked: boolean, fallback: T): { value: T; source: Source } {
  if (locked) return { value: organisation ?? fallback, source: 'locked' };
  if (own !== undefined) return { value: own, source: 'user' };
  if (organisation !== undefined) return { value: organisation, source: 'organisation' };
  return { value: fallback, source: 'default' };
}

/** The settings an organisation can set, as the user stored them (a key only once chosen). */
export interface OwnChoices {
  packUrl?: string;
  syncProgress?: boolean;
}

/** The effective pack address and sync switch, and who decided each. */
export function effectiveChoices(own: OwnChoices, managed: Managed) {
  const packUrl = choose(own.packUrl, managed.packUrl, managed.packUrlLocked, '');
  const syncProgress = choose(own.syncProgress, managed.syncProgress, managed.syncProgressLocked, false);
  return { packUrl: packUrl.value, syncProgress: syncProgress.value, sources: { packUrl: packUrl.source, syncProgress: syncProgress.source } };
}

/**
 * What the organisation says about one tool: `on` is its choice (undefined: none), `locked` that
 * the user cannot change it. A locked list leaves every other tool off.
 */
export function toolPolicy(id: ToolId, managed: Managed): { on?: boolean; locked: boolean } {
  if (managed.toolsLocked) return { on: managed.tools?.includes(id) ?? false, locked: true };
  if (managed.tools?.includes(id)) return { on: true, locked: false };
  return { locked: false };
}

/** Whether tool `id` may have a launcher where the user granted its sites. */
export const toolAllowed = (id: ToolId, managed: Managed): boolean => toolPolicy(id, managed).on !== false;
