import { emit } from './emit.js';
import { t } from './i18n.js';
import type { LiveMessage } from './live-message.js';
import type { NkElement } from './nk-element.js';

/**
 * Copying to the clipboard for an element: the clipboard helper is loaded on the first copy only,
 * the result ("Copied", or how to copy by hand) is said in the element's live region, and a copy
 * that worked fires `nk-copy`. It has no lifecycle of its own: the live region's controller clears
 * the message when the element goes.
 */
export class CopyController {
  constructor(
    private readonly host: NkElement,
    private readonly live: LiveMessage,
  ) {}

  /**
   * Copies `text` and says whether it worked. `template` is the id of the pack template copied;
   * `event: false` fires no `nk-copy` (the element fires its own event for this copy).
   */
  async copy(text: string, { template, event = true }: { template?: string; event?: boolean } = {}): Promise<boolean> {
    let copied = false;
    try {
      copied = await (await import('./clipboard.js')).copyText(text);
    } catch {
      // The helper chunk did not load (offline, blocked): the message below says so.
    }
    void this.live.say(t(this.host.locale, copied ? 'copied' : 'copyFailed'));
    if (copied && event) emit(this.host, 'nk-copy', template ? { text, template } : { text });
    return copied;
  }
}
