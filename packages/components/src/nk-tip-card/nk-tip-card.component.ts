import { html, nothing, type PropertyValues } from 'lit';
import { isSafeUrl, sharedFavourites, type Tip } from '@netwerkkracht/core';
import type { CopyDetail } from '../internal/clipboard.js';
import { emit } from '../internal/emit.js';
import { t } from '../internal/i18n.js';
import { icon, ICONS, iconStyles } from '../internal/icons.js';
import { NkElement } from '../internal/nk-element.js';
import { styles } from './nk-tip-card.styles.js';

/** Detail of `nk-share`: `via` says whether the share sheet opened or the text was copied instead. */
export interface ShareDetail {
  tipId: string | undefined;
  via: 'share' | 'copy';
}

/** Detail of `nk-favourite-change`. */
export interface FavouriteChangeDetail {
  packId: string;
  tipId: string;
  favourite: boolean;
}

/**
 * One tip: its title, body, topics, links and source organisation, with buttons to copy it, share
 * it and keep it as a favourite (stored on the device, shared with `nk-tip-deck`).
 *
 * Give `tip` (and optionally `pack`) to show a tip from a pack. Without `tip`, the card shows its
 * own content, which stays readable before the script has loaded:
 * `<nk-tip-card source="NJI"><h3 slot="title">…</h3><p>…</p></nk-tip-card>`.
 *
 * @tagname nk-tip-card
 * @summary One tip with its source, to copy, share or save as favourite.
 *
 * @slot title - Inline use: the tip's title, usually a heading element.
 * @slot - Inline use: the tip's body (paragraphs, lists).
 * @slot source - Inline use: the source, e.g. a link; replaces the `source` attribute.
 *
 * @csspart card - The card around everything.
 * @csspart heading - The title.
 * @csspart body - The paragraphs.
 * @csspart tags - The list of topics; each is a `tag`.
 * @csspart tag - One topic.
 * @csspart links - The list of further reading.
 * @csspart source - The line naming the source.
 * @csspart actions - The row of buttons.
 * @csspart button - Each action button (also `copy`, `share`, `favourite`).
 * @csspart status - The "Copied" confirmation (a polite live region).
 * @csspart error - A message when the tip or its pack cannot be shown.
 * @csspart loading - The placeholder while the pack loads.
 *
 * @cssproperty --nk-color-text - Text colour.
 * @cssproperty --nk-color-background - Card background.
 * @cssproperty --nk-color-muted - Source line.
 * @cssproperty --nk-color-accent - Top border, links, favourite star, confirmation.
 * @cssproperty --nk-color-accent-subtle - Topic chips.
 * @cssproperty --nk-color-border - Card and button borders.
 * @cssproperty --nk-color-focus - Focus outline.
 * @cssproperty --nk-font-family - Font (inherits from the page by default).
 * @cssproperty --nk-font-size - Base font size.
 * @cssproperty --nk-radius - Corner radius.
 * @cssproperty --nk-space - Padding and gaps.
 *
 * @fires nk-copy - The tip was copied as text. Detail: `{ text }`.
 * @fires nk-share - The tip was shared, or copied where sharing is not available. Detail: `{ tipId, via }`.
 * @fires nk-favourite-change - The tip was saved or removed as favourite. Detail: `{ packId, tipId, favourite }`.
 * @fires nk-pack-load - The pack was loaded.
 * @fires nk-pack-error - The pack could not be loaded.
 */
export class NkTipCard extends NkElement {
  static override styles = [...NkElement.styles, iconStyles, styles];

  static override properties = {
    ...NkElement.properties,
    tip: { type: String },
    source: { type: String },
    hideActions: { type: Boolean, attribute: 'hide-actions' },
    favourite: { state: true, attribute: false },
    said: { state: true, attribute: false },
  };

  /** Id of the tip in the pack. Without it, the card shows its light-DOM content. */
  declare tip: string | undefined;
  /** Inline use: the source organisation, shown as text. */
  declare source: string | undefined;
  /** Hides the copy, share and favourite buttons (e.g. where the host offers its own). */
  declare hideActions: boolean;
  declare protected favourite: boolean;
  declare protected said: string;
  private item: Tip | undefined;
  private stop: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.hideActions = false;
    this.favourite = false;
    this.said = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A favourite set by another card, a tip deck or another tab shows here at once.
    this.stop = sharedFavourites().subscribe((event) => {
      if (event.type === 'change' && this.item && event.key === this.data?.id) {
        this.favourite = !!event.value?.includes(this.item.id);
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  protected override needsPack(): boolean {
    return !!this.tip;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('tip') && this.hasUpdated) {
      if (this.data) this.packChanged();
      else this.requestLoad();
    }
  }

  protected override packChanged(): void {
    const pack = this.data;
    const item = (this.item = pack?.tips.find((tip) => tip.id === this.tip));
    this.status = item ? 'ready' : 'empty';
    if (pack && item) {
      sharedFavourites()
        .read(pack.id)
        .then((ids) => {
          if (this.item === item) this.favourite = !!ids?.includes(item.id);
        });
    }
  }

  protected override render() {
    const locale = this.locale;
    if (!this.tip) return this.renderInline();
    if (this.status === 'loading') return this.renderLoading();
    const tip = this.item;
    const pack = this.data;
    if (!tip || !pack) {
      return this.problem
        ? this.renderProblem()
        : html`<p role="alert" part="error">${t(locale, 'tipNotFound', this.tip)}</p>`;
    }
    const source = pack.sources?.find((s) => s.id === tip.source);
    return html`${this.renderProblem()}
      <article part="card" class="card">
        ${this.renderHeading(tip.title)}
        <div part="body" class="body">${tip.body.map((p) => html`<p>${p}</p>`)}</div>
        ${tip.tags?.length
          ? html`<ul part="tags" class="tags" aria-label=${t(locale, 'tags')}>
              ${tip.tags.map((id) => html`<li part="tag">${pack.tags?.find((tag) => tag.id === id)?.label ?? id}</li>`)}
            </ul>`
          : nothing}
        ${tip.links?.length
          ? html`<ul part="links" class="links">
              ${tip.links.map(
                (link) => html`<li>${isSafeUrl(link.url) ? html`<a href=${link.url}>${link.label}</a>` : link.label}</li>`,
              )}
            </ul>`
          : nothing}
        ${source
          ? html`<p part="source" class="source">
              ${t(locale, 'source')}:
              ${source.url && isSafeUrl(source.url) ? html`<a href=${source.url}>${source.organisation}</a>` : source.organisation}
            </p>`
          : nothing}
        ${this.renderActions(true)}
      </article>`;
  }

  private renderInline() {
    const hasSource = this.source || this.querySelector(':scope > [slot="source"]');
    const blank = !this.textContent?.trim() && !this.source;
    // slotchange bubbles: content added after the first render (while the page still parses) shows.
    return html`<article part="card" class="card" @slotchange=${() => this.requestUpdate()}>
      <div part="heading" class="heading"><slot name="title"></slot></div>
      <div part="body" class="body"><slot></slot></div>
      ${hasSource
        ? html`<p part="source" class="source">${t(this.locale, 'source')}: <slot name="source">${this.source}</slot></p>`
        : nothing}
      ${blank ? html`<p class="muted">${t(this.locale, 'empty')}</p>` : this.renderActions(false)}
    </article>`;
  }

  private renderActions(withFavourite: boolean) {
    if (this.hideActions) return nothing;
    const locale = this.locale;
    return html`<div part="actions" class="actions">
      <button type="button" part="button copy" @click=${() => this.copy(this.text())}>
        ${icon(ICONS.copy)}${t(locale, 'copy')}
      </button>
      <button type="button" part="button share" @click=${this.share}>${icon(ICONS.share)}${t(locale, 'share')}</button>
      ${withFavourite
        ? html`<button type="button" part="button favourite" aria-pressed=${String(this.favourite)} @click=${this.toggleFavourite}>
            ${icon(ICONS.star)}${t(locale, 'favourited')}
          </button>`
        : nothing}
      <span part="status" class="status" role="status">${this.said}</span>
    </div>`;
  }

  /** The tip as plain text, for copying and sharing. */
  private text(): string {
    const tip = this.item;
    const label = `${t(this.locale, 'source')}: `;
    if (!this.tip || !tip) {
      const parts = [...this.childNodes].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
      if (this.source && !this.querySelector(':scope > [slot="source"]')) parts.push(label + this.source);
      return parts.filter(Boolean).join('\n\n');
    }
    const source = this.data?.sources?.find((s) => s.id === tip.source);
    return [
      tip.title,
      ...tip.body,
      ...(tip.links ?? []).filter((link) => isSafeUrl(link.url)).map((link) => `${link.label}: ${link.url}`),
      source ? label + source.organisation + (source.url && isSafeUrl(source.url) ? ` (${source.url})` : '') : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  }

  private async copy(text: string): Promise<boolean> {
    let copied = false;
    try {
      copied = await (await import('../internal/clipboard.js')).copyText(text);
    } catch {
      // The helper chunk did not load (offline, blocked): say so below instead of failing silently.
    }
    this.said = t(this.locale, copied ? 'copied' : 'copyFailed');
    clearTimeout(this.timer);
    // Emptied after a while, so that copying again is announced again.
    this.timer = setTimeout(() => (this.said = ''), 6000);
    if (copied) emit<CopyDetail>(this, 'nk-copy', { text });
    return copied;
  }

  private async share(): Promise<void> {
    const text = this.text();
    const tipId = this.item?.id;
    if (navigator.share) {
      try {
        await navigator.share({ title: this.item?.title ?? this.querySelector('[slot="title"]')?.textContent?.trim(), text });
        emit<ShareDetail>(this, 'nk-share', { tipId, via: 'share' });
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure; any other refusal falls back to copying.
        if ((error as Error).name === 'AbortError') return;
      }
    }
    if (await this.copy(text)) emit<ShareDetail>(this, 'nk-share', { tipId, via: 'copy' });
  }

  private async toggleFavourite(): Promise<void> {
    const packId = this.data?.id;
    const tipId = this.item?.id;
    if (!packId || !tipId) return;
    const favourite = !this.favourite;
    this.favourite = favourite;
    const store = sharedFavourites();
    const ids = ((await store.read(packId)) ?? []).filter((id) => id !== tipId);
    await store.write(packId, favourite ? [...ids, tipId] : ids);
    emit<FavouriteChangeDetail>(this, 'nk-favourite-change', { packId, tipId, favourite });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-share': CustomEvent<ShareDetail>;
    'nk-favourite-change': CustomEvent<FavouriteChangeDetail>;
  }
}
