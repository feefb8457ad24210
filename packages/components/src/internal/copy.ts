import { emit } from './emit.js';
import { t } from './i18n.js';
import type { LiveMessage } from './live-message.js';
import type { NkElement } from './nk-element.js';

/** A file to offer as a download. */
export interface DownloadFile {
  name: string;
  type: string;
  text: string;
}

/**
 * Copying to the clipboard, and offering a file, for an element: the clipboard helper is loaded on
 * the first copy or download only, the result ("Copied", or how to copy by hand) is said in the
 * element's live region, and a copy that worked fires `nk-copy`. It has no lifecycle of its own:
 * the live region's controller clears the message when the element goes.
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

  /**
   * Offers the file `make` gives (it may load its own module first) as a download and says `done`,
   * or that it did not work. `make` resolves undefined to offer nothing and say nothing (a listener
   * cancelled it). Resolves whether the file was offered; never rejects.
   */
  async download(make: () => Promise<DownloadFile | undefined>, done: string): Promise<boolean> {
    let offered = false;
    try {
      const [file, { downloadFile }] = await Promise.all([make(), import('./clipboard.js')]);
      if (!file) return false;
      offered = downloadFile(file.name, file.type, file.text);
    } catch {
      // The file could not be made, or a chunk did not load (offline, blocked): said below.
    }
    void this.live.say(offered ? done : t(this.host.locale, 'actionFailed'));
    return offered;
  }
}
