// Every message between the extension's parts, and how the background answers them: one route per
// message type (in `messageRoutes`) holds who may send it, the check of each field and the handler
// that answers it; background.ts writes the handlers. Anything that fails a check is ignored: a web page can post to a content script, and an extension page can be
// framed, so neither the shape nor the sender is taken on trust.
import type { Template } from '@netwerkkracht/core';
import type { Runtime } from 'webextension-polyfill';

export type Message =
  | { type: 'nk-launcher-check'; url: string }
  | { type: 'nk-launcher-tip' }
  | { type: 'nk-launcher-dismiss'; scope: 'once' | 'site' | 'today' }
  | { type: 'nk-launcher-opened'; tipId: string }
  /** From a launcher that cannot open the sidebar itself (Firefox): the panel page in a tab. */
  | { type: 'nk-launcher-panel-tab' }
  | { type: 'nk-panel-context' }
  | { type: 'nk-pack-refresh' };

/** The background's answer to `nk-launcher-tip`: the tip to show, and a template to copy beside the tool. */
export interface LauncherTip {
  id: string;
  title: string;
  locale: string;
  template: Pick<Template, 'id' | 'title' | 'kind' | 'subject' | 'text'> | undefined;
}

/** Messages the background sends to content scripts: go away, or ask again (the address changed). */
export type ToContent = { type: 'nk-launcher-remove' } | { type: 'nk-launcher-recheck' };

/** Where a message came from, once its sender has been checked. */
export type Origin = 'content-script' | 'extension-page' | 'extension-frame';

/**
 * Classifies a sender, or returns undefined for one we do not talk to: another extension, a web
 * page, or a content script in a sub-frame.
 */
export function senderOrigin(sender: Runtime.MessageSender, extensionId: string, extensionBase: string): Origin | undefined {
  if (sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(extensionBase)) {
    // The launcher is the one page a web page may frame (web_accessible_resources). The options
    // page opens in a tab and the panel may too, so having a tab says nothing about being framed.
    return new URL(url).pathname === '/launcher.html' ? 'extension-frame' : 'extension-page';
  }
  if (sender.tab && sender.frameId === 0 && /^https:\/\//.test(url)) return 'content-script';
  return undefined;
}

/** The check of one field of a message. */
export type FieldCheck = (value: unknown) => boolean;

/** Text of fewer than `max` characters. */
export const textUnder =
  (max: number): FieldCheck =>
  (value) =>
    typeof value === 'string' && value.length < max;

/** Text that matches `pattern`. */
export const matching =
  (pattern: RegExp): FieldCheck =>
  (value) =>
    typeof value === 'string' && pattern.test(value);

/** One of `values`. */
export const oneOf =
  (...values: readonly unknown[]): FieldCheck =>
  (value) =>
    values.includes(value);

type Fields<M> = { [F in Exclude<keyof M, 'type'>]-?: FieldCheck };

/** How the background answers one message type. */
export interface Route<M extends Message> {
  /** Who may send it; a message from anyone else is ignored. */
  from: readonly Origin[];
  /** Each field besides `type`, with its check; a message with a field not listed here is ignored. */
  fields: Fields<M>;
  handle(message: M, sender: Runtime.MessageSender): Promise<unknown>;
}

/** One route per message type: a type without its route does not compile. */
export type Routes = { [K in Message['type']]: Route<Extract<Message, { type: K }>> };

/** What the background does for the messages; each is named by the route that calls it. */
export interface Handlers {
  /** Whether the launcher shows on the sender's page, and which tip. */
  checkLauncher(pageUrl: string, sender: Runtime.MessageSender): Promise<{ show: boolean; tip?: string }>;
  launcherContent(sender: Runtime.MessageSender): Promise<LauncherTip | undefined>;
  dismissLauncher(scope: 'once' | 'site' | 'today', sender: Runtime.MessageSender): Promise<boolean>;
  /** Remembers the tip the user opened from the launcher, for the panel to show first. */
  focusTip(tipId: string): Promise<boolean>;
  openPanelTab(sender: Runtime.MessageSender): Promise<boolean>;
  panelContext(): Promise<{ contexts: string[] }>;
  refreshPack(): Promise<boolean>;
}

/** The background's answer to each message: who may send it, what it must carry, and who answers. */
export function messageRoutes(handlers: Handlers): Routes {
  return {
    'nk-launcher-check': { from: ['content-script'], fields: { url: textUnder(4096) }, handle: ({ url }, sender) => handlers.checkLauncher(url, sender) },
    'nk-launcher-tip': { from: ['extension-frame'], fields: {}, handle: (_message, sender) => handlers.launcherContent(sender) },
    'nk-launcher-dismiss': {
      from: ['extension-frame'],
      fields: { scope: oneOf('once', 'site', 'today') },
      handle: ({ scope }, sender) => handlers.dismissLauncher(scope, sender),
    },
    'nk-launcher-opened': {
      from: ['extension-frame', 'extension-page'],
      fields: { tipId: matching(/^[a-z0-9-]{1,100}$/) },
      handle: ({ tipId }) => handlers.focusTip(tipId),
    },
    'nk-launcher-panel-tab': { from: ['extension-frame'], fields: {}, handle: (_message, sender) => handlers.openPanelTab(sender) },
    'nk-panel-context': { from: ['extension-page'], fields: {}, handle: () => handlers.panelContext() },
    'nk-pack-refresh': { from: ['extension-page'], fields: {}, handle: () => handlers.refreshPack() },
  };
}

/** The route of `value` when it is one of our messages and its fields pass their checks. */
export function routeOf(routes: Routes, value: unknown): Route<Message> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'type')) return undefined;
  const { type, ...rest } = value as Record<string, unknown>;
  if (typeof type !== 'string' || !Object.hasOwn(routes, type)) return undefined;
  const route = routes[type as Message['type']] as Route<Message>;
  const checks = Object.entries(route.fields as Record<string, FieldCheck>);
  if (Object.keys(rest).length !== checks.length) return undefined;
  return checks.every(([name, check]) => Object.hasOwn(rest, name) && check(rest[name])) ? route : undefined;
}

/**
 * A runtime.onMessage listener that answers through `routes`: a message is handled only when its
 * sender is one its route allows and its fields pass their checks; anything else gets no answer.
 * A handler that fails is logged and answers nothing.
 */
export function handleMessages(routes: Routes, extension: { id: string; base: string }) {
  return (value: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    const origin = senderOrigin(sender, extension.id, extension.base);
    const route = origin && routeOf(routes, value);
    if (!route || !route.from.includes(origin!)) return undefined;
    return route.handle(value as Message, sender).catch((error: unknown) => {
      console.warn('Netwerkkracht:', error);
      return undefined;
    });
  };
}
