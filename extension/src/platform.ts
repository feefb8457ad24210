// The one place that knows which browser we are in. Chrome and Edge have `sidePanel`; Firefox has
// `sidebarAction`. Neither webextension-polyfill nor the native APIs unify the two.
import browser from 'webextension-polyfill';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

const raw = globalThis as unknown as {
  chrome?: { sidePanel?: ChromeSidePanel };
  browser?: { sidebarAction?: FirefoxSidebarAction };
};

/** Makes the toolbar button open the panel: natively in Chrome, through a click handler in Firefox. */
export async function openPanelOnActionClick(): Promise<void> {
  const sidePanel = raw.chrome?.sidePanel;
  if (sidePanel) {
    await sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  browser.action.onClicked.addListener(() => {
    // Must run inside the click's user gesture: no await before it.
    raw.browser?.sidebarAction?.toggle().catch(() => undefined);
  });
}

/**
 * Opens the side panel (Chrome, Edge) or sidebar (Firefox) for `tabId`. Call it straight from a
 * user's click: both browsers refuse otherwise.
 */
export function openPanel(tabId: number | undefined): Promise<void> {
  const sidePanel = raw.chrome?.sidePanel;
  if (sidePanel) return sidePanel.open(tabId === undefined ? {} : { tabId });
  return raw.browser?.sidebarAction?.open() ?? Promise.reject(new Error('This browser has no side panel.'));
}

/** The language for the extension's pages and packs: the browser's, Dutch unless it is English. */
export function uiLocale(): 'nl' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** A string from _locales. */
export function msg(name: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(name, substitutions) || name;
}

export { browser };
