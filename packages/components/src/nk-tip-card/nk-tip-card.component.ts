import { html, nothing, type PropertyValues } from 'lit';
import { isSafeUrl, templatesById, type Pack, type StoreEvent, type Template, type Tip } from '@netwerkkracht/core';
import { emit } from '../internal/emit.js';
import type { Locale } from '../internal/i18n.js';
import { t } from './nk-tip-card.strings.js';
import { ICONS, iconMarkup, iconStyles } from '../internal/icons.js';
import { NkElement } from '../internal/nk-element.js';
import { renderTemplates, templateStyles } from '../internal/templates.js';
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

/** A pack's tips, topic labels and sources by id. */
interface PackIndex {
  tips: Map<string, Tip>;
  tags: Map<string, string>;
  /** Each source's organisation, and its URL where that may be a link. */
  sources: Map<string | undefined, { organisation: string; href: string | undefined }>;
}

const indexes = new WeakMap<Pack, PackIndex>();

/** The shared favourites store, from its own chunk (see internal/favourites.ts). */
const favouriteStore = () => import('../internal/favourites.js').then((module) => module.sharedFavourites());

/**
 * The index of `pack`, built once per pack object: a page may show a card for each of its 1000 tips,
 * and searching the pack for every card costs time in the square of that. A changed pack is a new object.
 */
function indexOf(pack: Pack): PackIndex {
  let index = indexes.get(pack);
  if (index) return index;
  index = { tips: new Map(), tags: new Map(), sources: new Map() };
  // The first of equal ids wins, as with a search from the start.
  for (const tip of pack.tips) if (!index.tips.has(tip.id)) index.tips.set(tip.id, tip);
  for (const tag of pack.tags ?? []) if (!index.tags.has(tag.id)) index.tags.set(tag.id, tag.label);
  for (const source of pack.sources ?? []) {
    if (!index.sources.has(source.id)) {
      const href = source.url && isSafeUrl(source.url) ? source.url : undefined;
      index.sources.set(source.id, { organisation: source.organisation, href });
    }
  }
  indexes.set(pack, index);
  return index;
}

const actionTemplates = new Map<string, TemplateStringsArray>();

/**
 * The template of the row of buttons in one language, with its icons and labels written into the
 * markup: they are the same on every card, and as bindings they would cost every card a template
 * instance per icon and a part per icon and label. Lit takes any strings array with `raw`, as
 * lit/static-html builds them; these hold only our own escaped labels and icon paths.
 */
function actionsTemplate(locale: Locale, withFavourite: boolean): TemplateStringsArray {
  const key = `${locale} ${withFavourite}`;
  let strings = actionTemplates.get(key);
  if (strings) return strings;
  const label = (name: 'copy' | 'share' | 'favourited') => t(locale, name).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // The line breaks keep the labels apart in the row's text, as between the buttons of any template.
  const button = (name: string, d: string, text: string) =>
    `<button type="button" part="button ${name}">${iconMarkup(d)}${text}</button>\n`;
  const buttons = button('copy', ICONS.copy, label('copy')) + button('share', ICONS.share, label('share'));
  const status = '<span part="status" class="status" role="status">';
  const parts = withFavourite
    ? [
        '<div part="actions" class="actions" @click=',
        `>\n${buttons}<button type="button" part="button favourite" aria-pressed=`,
        `>${iconMarkup(ICONS.star)}${label('favourited')}</button>\n${status}`,
        '</span>\n</div>',
      ]
    : ['<div part="actions" class="actions" @click=', `>\n${buttons}${status}`, '</span>\n</div>'];
  strings = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
  actionTemplates.set(key, strings);
  return strings;
}

/**
 * One tip: its title, body, topics, links and source organisation, with buttons to copy it, share
 * it and keep it as a favourite (stored on the device, shared with `nk-tip-deck`). The templates
 * the tip links (an agenda, an invitation, an e-mail) can be read, copied, and opened as an e-mail.
 *
 * Give `tip` (and optionally `pack`) to show a tip from a pack. Without `tip`, or with the tip's
 * title in the `title` slot (a pre-rendered snippet, as `netwerkkracht snippet` writes it), the
 * card shows its own content, which stays readable before and without the script:
 * `<nk-tip-card source="NJI"><h3 slot="title">…</h3><p>…</p></nk-tip-card>`.
 *
 * @tag nk-tip-card
 * @summary One tip with its source, to copy, share or save as favourite.
 *
 * @slot title - Inline use: the tip's title, usually a heading element.
 * @slot - Inline use: the tip's body (paragraphs, lists).
 * @slot source - Inline use: the source, e.g. a link; replaces the `source` attribute.
 *
 * @csspart base - The card around everything.
 * @csspart card - Deprecated: the same element as `base`, which replaces it; removed in the next version.
 * @csspart heading - The title.
 * @csspart body - The paragraphs.
 * @csspart tags - The list of topics; each is a `tag`.
 * @csspart tag - One topic.
 * @csspart links - The list of further reading.
 * @csspart templates - The list of the tip's templates; each is a `template`.
 * @csspart template - One template: its title (`template-title`), text (`template-text`), a
 *   `copy-template` button and, for an e-mail, a `template-mail` link.
 * @csspart template-title - A template's title, which opens its text.
 * @csspart template-text - A template's text.
 * @csspart template-mail - The link that opens a template as a new e-mail (`mailto:`).
 * @csspart source - The line naming the source.
 * @csspart actions - The row of buttons.
 * @csspart button - Each action button (also `copy`, `share`, `favourite`, `copy-template`).
 * @csspart status - The "Copied" confirmation (a polite live region).
 * @csspart error - A message when the tip or its pack cannot be shown.
 * @csspart loading - The placeholder while the pack loads.
 *
 * @fires nk-copy - The tip or one of its templates was copied as text. Detail: `{ text, template? }` (the template's id).
 * @fires nk-share - The tip was shared, or copied where sharing is not available. Detail: `{ tipId, via }`.
 * @fires nk-favourite-change - The tip was saved or removed as favourite. Detail: `{ packId, tipId, favourite }`.
 */
export class NkTipCard extends NkElement {
  static override styles = [...NkElement.styles, iconStyles, templateStyles, styles];

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
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.hideActions = false;
    this.favourite = false;
    this.said = '';
  }

  /** The connected cards: one store subscription serves them all. */
  private static connected = new Set<NkTipCard>();
  private static unsubscribe: (() => void) | undefined;
  /**
   * Which subscription is wanted: positive while cards are connected (the number of the one asked
   * for), negative once they have all gone, so that a store arriving late subscribes nobody.
   */
  private static listening = 0;
  /** Cards waiting for the favourites of a pack id: one read per pack, however many cards show it. */
  private static waiting = new Map<string, Set<NkTipCard>>();

  private static favouritesChanged(event: StoreEvent<string[]>): void {
    if (event.type !== 'change') return;
    // A favourite set by another card, a tip deck or another tab shows here at once.
    for (const card of NkTipCard.connected) {
      if (card.item && card.data?.id === event.key) card.favourite = !!event.value?.includes(card.item.id);
    }
  }

  private static readFavourites(card: NkTipCard, packId: string): void {
    let cards = NkTipCard.waiting.get(packId);
    if (cards) {
      cards.add(card);
      return;
    }
    NkTipCard.waiting.set(packId, (cards = new Set([card])));
    favouriteStore()
      .then((store) => store.read(packId))
      .then(
        (ids) => {
          NkTipCard.waiting.delete(packId);
          for (const waiting of cards) {
            if (waiting.item && waiting.data?.id === packId) waiting.favourite = !!ids?.includes(waiting.item.id);
          }
        },
        () => NkTipCard.waiting.delete(packId),
      );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    NkTipCard.connected.add(this);
  }

  /** Subscribes the cards to favourites set elsewhere, once a card shows a tip of a pack. */
  private static listen(): void {
    if (NkTipCard.listening > 0) return;
    const asked = (NkTipCard.listening = 1 + Math.abs(NkTipCard.listening));
    favouriteStore().then(
      (store) => {
        if (NkTipCard.listening === asked) NkTipCard.unsubscribe = store.subscribe(NkTipCard.favouritesChanged);
      },
      () => {
        // No store (the chunk did not load): favourites stay off; the next card asks again.
        if (NkTipCard.listening === asked) NkTipCard.listening = -asked;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    NkTipCard.connected.delete(this);
    if (!NkTipCard.connected.size) {
      NkTipCard.unsubscribe?.();
      NkTipCard.unsubscribe = undefined;
      NkTipCard.listening = -Math.abs(NkTipCard.listening);
    }
  }

  /**
   * Content in the page: inline use, or a pre-rendered snippet (`tip` and the tip's title in the
   * `title` slot). It is shown as it is, with no pack to wait for, so the upgrade moves nothing.
   */
  private get ownContent(): boolean {
    return !this.tip || !!this.querySelector(':scope > [slot="title"]');
  }

  protected override needsPack(): boolean {
    return !this.ownContent;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // With the pack or language changed too, the new pack is on its way and packChanged runs when
    // it arrives: looking the new tip up in the old pack would say "not found" meanwhile.
    const loading = changed.has('pack') || changed.has('packData') || changed.has('lang');
    if (changed.has('tip') && this.hasUpdated && !loading) {
      if (this.data) this.packChanged();
      else this.requestLoad();
    }
  }

  protected override packChanged(): void {
    const pack = this.data;
    const before = this.item;
    const item = (this.item = pack && this.tip ? indexOf(pack).tips.get(this.tip) : undefined);
    // Another tip is not a favourite until its own state is read.
    if (item?.id !== before?.id) this.favourite = false;
    this.status = item ? 'ready' : 'not-found';
    if (pack && item) {
      // Asked for with the tip on its way to the screen, so the store is not waited for before it.
      NkTipCard.listen();
      NkTipCard.readFavourites(this, pack.id);
    }
  }

  protected override render() {
    const locale = this.locale;
    if (this.ownContent) return this.renderInline();
    if (this.status === 'loading') return this.renderLoading();
    const tip = this.item;
    const pack = this.data;
    if (!tip || !pack) {
      return this.problem
        ? this.renderProblem()
        : html`<p role="alert" part="error">${t(locale, 'tipNotFound', this.tip ?? '')}</p>`;
    }
    const index = indexOf(pack);
    const source = index.sources.get(tip.source);
    // Written out rather than nested templates where that is easy: every nested template costs every card.
    return html`${this.renderProblem()}
      <article part="base card" class="card">
        <div role="heading" aria-level=${this.headingAriaLevel} part="heading" class="heading">${tip.title}</div>
        <div part="body" class="body">${tip.body.map((p) => html`<p>${p}</p>`)}</div>
        ${tip.tags?.length
          ? html`<ul part="tags" class="tags" aria-label=${t(locale, 'tags')}>
              ${tip.tags.map((id) => html`<li part="tag">${index.tags.get(id) ?? id}</li>`)}
            </ul>`
          : nothing}
        ${tip.links?.length
          ? html`<ul part="links" class="links">
              ${tip.links.map(
                (link) => html`<li>${isSafeUrl(link.url) ? html`<a href=${link.url}>${link.label}</a>` : link.label}</li>`,
              )}
            </ul>`
          : nothing}
        ${tip.templates?.length ? renderTemplates(templatesById(pack, tip.templates), locale, this.copyTemplate) : nothing}
        ${!source
          ? nothing
          : source.href
            ? html`<p part="source" class="source">
                ${t(locale, 'source')}:
                <a href=${source.href}>${source.organisation}</a>
              </p>`
            : html`<p part="source" class="source">
                ${t(locale, 'source')}:
                ${source.organisation}
              </p>`}
        ${this.renderActions(true, locale)}
      </article>`;
  }

  private renderInline() {
    const locale = this.locale;
    const hasSource = this.source || this.querySelector(':scope > [slot="source"]');
    const blank = !this.textContent?.trim() && !this.source;
    // slotchange bubbles: content added after the first render (while the page still parses) shows.
    // The source slot is always there, hidden while empty, so that a source added later is assigned.
    return html`<article part="base card" class="card" @slotchange=${() => this.requestUpdate()}>
      <div part="heading" class="heading"><slot name="title"></slot></div>
      <div part="body" class="body"><slot></slot></div>
      <p part="source" class="source" ?hidden=${!hasSource}>${t(locale, 'source')}: <slot name="source">${this.source}</slot></p>
      ${blank ? html`<p class="muted">${t(locale, 'empty')}</p>` : this.renderActions(false, locale)}
    </article>`;
  }

  private renderActions(withFavourite: boolean, locale: Locale) {
    if (this.hideActions) return nothing;
    const strings = actionsTemplate(locale, withFavourite);
    return withFavourite ? html(strings, this.act, String(this.favourite), this.said) : html(strings, this.act, this.said);
  }

  /** One listener for the row, rather than one per button. */
  private act(event: Event): void {
    const part = (event.target as Element).closest('button')?.part;
    if (part?.contains('copy')) this.copy(this.text());
    else if (part?.contains('share')) this.share();
    else if (part?.contains('favourite')) this.toggleFavourite();
  }

  /** The tip as plain text, for copying and sharing. */
  private text(): string {
    const tip = this.item;
    const label = `${t(this.locale, 'source')}: `;
    if (!this.tip || !tip) {
      // What a reader sees: elements and text, not comments (CMS blocks leave "<!-- wp:… -->"),
      // scripts or styles; the source last, with its label, as on the card.
      const clean = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();
      const parts: string[] = [];
      let source = this.source ?? '';
      for (const node of this.childNodes) {
        if (node instanceof Element && !['script', 'style', 'template'].includes(node.localName)) {
          if (node.slot === 'source') source = clean(node);
          else parts.push(clean(node));
        } else if (node.nodeType === Node.TEXT_NODE) parts.push(clean(node));
      }
      if (source) parts.push(label + source);
      return parts.filter(Boolean).join('\n\n');
    }
    const source = this.data && indexOf(this.data).sources.get(tip.source);
    return [
      tip.title,
      ...tip.body,
      ...(tip.links ?? []).filter((link) => isSafeUrl(link.url)).map((link) => `${link.label}: ${link.url}`),
      source ? label + source.organisation + (source.href ? ` (${source.href})` : '') : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  }

  /** Copies a template and says so; an arrow function, as the template view calls it without `this`. */
  private copyTemplate = (template: Template): void => void this.copy(template.text, template.id);

  private async copy(text: string, template?: string): Promise<boolean> {
    let copied = false;
    try {
      copied = await (await import('../internal/clipboard.js')).copyText(text);
    } catch {
      // The helper chunk did not load (offline, blocked): say so below instead of failing silently.
    }
    const message = t(this.locale, copied ? 'copied' : 'copyFailed');
    clearTimeout(this.timer);
    // The same words again are emptied first, so that screen readers hear the second copy too.
    if (this.said === message) {
      this.said = '';
      await this.updateComplete;
    }
    this.said = message;
    // Emptied after a while, so that copying again is announced again.
    this.timer = setTimeout(() => (this.said = ''), 6000);
    if (copied) emit(this, 'nk-copy', template ? { text, template } : { text });
    return copied;
  }

  private async share(): Promise<void> {
    const text = this.text();
    const tipId = this.item?.id;
    if (navigator.share) {
      try {
        await navigator.share({ title: this.item?.title ?? this.querySelector('[slot="title"]')?.textContent?.trim(), text });
        emit(this, 'nk-share', { tipId, via: 'share' });
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure; any other refusal falls back to copying.
        if ((error as Error).name === 'AbortError') return;
      }
    }
    if (await this.copy(text)) emit(this, 'nk-share', { tipId, via: 'copy' });
  }

  private async toggleFavourite(): Promise<void> {
    const packId = this.data?.id;
    const tipId = this.item?.id;
    if (!packId || !tipId) return;
    const favourite = !this.favourite;
    this.favourite = favourite;
    await (await favouriteStore()).setFavourite(packId, tipId, favourite);
    emit(this, 'nk-favourite-change', { packId, tipId, favourite });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-share': CustomEvent<ShareDetail>;
    'nk-favourite-change': CustomEvent<FavouriteChangeDetail>;
  }
}
