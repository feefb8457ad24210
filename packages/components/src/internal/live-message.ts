import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The text of an element's polite live region (`role="status"`), for short confirmations such as
 * "Copied". Screen readers speak a live region when its text changes, so the same words said again
 * are emptied for one update first. With `showFor` (milliseconds) the text goes after that time.
 */
export class LiveMessage implements ReactiveController {
  /** What the region says now; render it inside the element's `role="status"`. */
  text = '';
  /** The text of the last update, which is what the region showed. */
  private shown = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly showFor = 0,
  ) {
    host.addController(this);
  }

  /** Says `message`, again when it is what the region already says. */
  async say(message: string): Promise<void> {
    clearTimeout(this.timer);
    if (this.shown === message || this.text === message) {
      this.set('');
      await this.host.updateComplete;
    }
    this.set(message);
    if (this.showFor) this.timer = setTimeout(() => this.set(''), this.showFor);
  }

  /** Empties the region: what it said no longer describes the element. */
  clear(): void {
    clearTimeout(this.timer);
    this.set('');
  }

  hostUpdated(): void {
    this.shown = this.text;
  }

  /** No timer outlives the element; a message it would have emptied goes now. */
  hostDisconnected(): void {
    this.clear();
  }

  private set(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }
}
