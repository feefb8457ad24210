// Every message between the extension's parts, and the checks each one must pass. Anything that
// fails a check is ignored: a web page can post to a content script, and an extension page can be
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

const TYPES = new Set(['nk-launcher-check', 'nk-launcher-tip', 'nk-launcher-dismiss', 'nk-launcher-opened', 'nk-launcher-panel-tab', 'nk-panel-context', 'nk-pack-refresh']);

/** True when `value` has the shape of one of our messages. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return false;
  switch (m.type) {
    case 'nk-launcher-check':
      return typeof m.url === 'string' && m.url.length < 4096;
    case 'nk-launcher-dismiss':
      return m.scope === 'once' || m.scope === 'site' || m.scope === 'today';
    case 'nk-launcher-opened':
      return typeof m.tipId === 'string' && /^[a-z0-9-]{1,100}$/.test(m.tipId);
    default:
      return Object.keys(m).length === 1;
  }
}

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

/** Which message types each kind of sender may send. */
export const ALLOWED: Record<Origin, Message['type'][]> = {
  'content-script': ['nk-launcher-check'],
  'extension-frame': ['nk-launcher-tip', 'nk-launcher-dismiss', 'nk-launcher-opened', 'nk-launcher-panel-tab'],
  'extension-page': ['nk-panel-context', 'nk-pack-refresh', 'nk-launcher-opened'],
};
