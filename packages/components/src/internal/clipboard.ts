// Loaded with `await import('./clipboard.js')` on a click only, so it stays out of the elements' first load.

/**
 * Copies `text` to the clipboard. Falls back to a hidden textarea and `execCommand('copy')` where
 * the async Clipboard API is missing or refused (http: pages, iframes without clipboard-write,
 * older Firefox ESR). Resolves false when neither works; never throws.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fall through: the legacy path still works inside a user gesture in most browsers.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;inset-block-start:0;opacity:0;pointer-events:none';
  // Selecting the text moves focus to it, and removing it would leave focus on <body>: the
  // button that was pressed (inside a shadow root) gets it back.
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  try {
    document.body.append(area);
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (focused instanceof HTMLElement || focused instanceof SVGElement) focused.focus({ preventScroll: true });
  }
}

/** Offers `text` as a file download named `name`. Returns false when the browser refuses. */
export function downloadFile(name: string, mime: string, text: string): boolean {
  try {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once cancels the download in Firefox; a minute is plenty for it to start.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    return false;
  }
}
