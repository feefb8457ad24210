import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { isSafeUrl, templatesById, type Template, type Tip } from '@netwerkkracht/core';
import { CopyController } from '../internal/copy.js';
import { emit } from '../internal/emit.js';
import { FavouritesController, favouritesStyles } from '../internal/favourites.js';
import type { Locale } from '../internal/i18n.js';
import { ICONS, iconMarkup, iconStyles } from '../internal/icons.js';
import { LiveMessage } from '../internal/live-message.js';
import { NkElement } from '../internal/nk-element.js';
import { renderTemplates, templateStyles } from '../internal/templates.js';
import { CARD_FRAME, indexOf, renderTip } from '../internal/tip.js';
import { t } from './nk-tip-card.strings.js';
import { styles } from './nk-tip-card.styles.js';

/** Detail of `nk-share`: `via` says whether the share sheet opened or the text was copied instead. */
export interface ShareDetail {
  tipId: string | undefined;
  via: 'share' | 'copy';
}

export type { FavouriteChangeDetail } from '../internal/favourites.js';

/** The buttons' icons and labels in one language, as markup: they are the same on every card. */
interface ActionMarkup {
  copyAndShare: StaticValue;
  favourite: StaticValue;
}

const actionMarkups = new Map<Locale, ActionMarkup>();

function actionMarkup(locale: Locale): ActionMarkup {
  let markup = actionMarkups.get(locale);
  if (markup) return markup;
  // Our own labels and icon paths only, escaped: no pack text goes into static markup.
  const label = (name: 'copy' | 'share' | 'favourited') => t(locale, name).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // The line breaks keep the labels apart in the row's text, as between the buttons of any template.
  const button = (name: 'copy' | 'share') => `<button type="button" part="button ${name}">${iconMarkup(ICONS[name])}${label(name)}</button>\n`;
  markup = {
    copyAndShare: unsafeStatic(button('copy') + button('share')),
    favourite: unsafeStatic(iconMarkup(ICONS.star) + label('favourited')),
  };
  actionMarkups.set(locale, markup);
  return markup;
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
 * @csspart notice - The message that favourites are not being saved, or that a change failed (`role="alert"`).
 * @csspart error - A message when the tip or its pack cannot be shown.
 * @csspart loading - The placeholder while the pack loads.
 *
 * @fires nk-copy - The tip or one of its templates was copied as text. Detail: `{ text, template? }` (the template's id).
 * @fires nk-share - The tip was shared, or copied where sharing is not available. Detail: `{ tipId, via }`.
 * @fires nk-favourite-change - The tip was saved or removed as favourite. Detail: `{ packId, tipId, favourite }`.
 */
export class NkTipCard extends NkElement {
  static override styles = [...NkElement.styles, iconStyles, templateStyles, favouritesStyles, styles];

  static override properties = {
    ...NkElement.properties,
    tip: { type: String },
    source: { type: String },
    hideActions: { type: Boolean, attribute: 'hide-actions' },
  };

  /** Id of the tip in the pack. Without it, the card shows its light-DOM content. */
  declare tip: string | undefined;
  /** Inline use: the source organisation, shown as text. */
  declare source: string | undefined;
  /** Hides the copy, share and favourite buttons (e.g. where the host offers its own). */
  declare hideActions: boolean;
  private item: Tip | undefined;
  /** The live region and copying, made on the first copy: on a page of many cards, most are never copied. */
  private live: LiveMessage | undefined;
  private copying: CopyController | undefined;
  private favourites = new FavouritesController(this);

  constructor() {
    super();
    this.hideActions = false;
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

  private get copier(): CopyController {
    return (this.copying ??= new CopyController(this, (this.live ??= new LiveMessage(this, 6000))));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.selectAgain(changed, 'tip');
  }

  protected override packChanged(): void {
    const pack = this.data;
    const item = (this.item = pack && this.tip ? indexOf(pack).tips.get(this.tip) : undefined);
    this.status = item ? 'ready' : 'not-found';
    // Asked for with the tip on its way to the screen, so the store is not waited for before it.
    if (pack && item) void this.favourites.show(pack.id);
  }

  protected override render() {
    const locale = this.locale;
    if (this.ownContent) return this.renderInline();
    if (this.status === 'loading') return this.renderLoading();
    const tip = this.item;
    const pack = this.data;
    if (!tip || !pack) {
      return this.problem ? this.renderProblem() : html`<p role="alert" part="error">${t(locale, 'tipNotFound', this.tip ?? '')}</p>`;
    }
    const templates = tip.templates?.length ? renderTemplates(templatesById(pack, tip.templates), locale, this.copyTemplate) : nothing;
    return renderTip(tip, indexOf(pack), {
      frame: CARD_FRAME,
      locale,
      level: this.headingAriaLevel,
      before: this.renderNotices(),
      between: templates,
      after: this.renderActions(true, locale),
    });
  }

  /** The pack's problem or cache notice, and what the favourites have to say; mostly nothing. */
  private renderNotices() {
    const problem = this.renderProblem();
    const favourites = this.favourites.renderMessage();
    if (favourites === nothing) return problem;
    return problem === nothing ? favourites : html`${problem}${favourites}`;
  }

  private renderInline() {
    const locale = this.locale;
    const hasSource = this.source || this.querySelector(':scope > [slot="source"]');
    const blank = !this.textContent?.trim() && !this.source;
    // slotchange bubbles: content added after the first render (while the page still parses) shows.
    // The label's space is in the expression: the build's template minifier drops one before a tag.
    // The source slot is always there, hidden while empty, so that a source added later is assigned.
    return html`<article part="base card" class="card" @slotchange=${() => this.requestUpdate()}>
      <div part="heading" class="heading"><slot name="title"></slot></div>
      <div part="body" class="body"><slot></slot></div>
      <p part="source" class="source" ?hidden=${!hasSource}>${`${t(locale, 'source')}: `}<slot name="source">${this.source}</slot></p>
      ${blank ? html`<p class="muted">${t(locale, 'empty')}</p>` : this.renderActions(false, locale)}
    </article>`;
  }

  /** The row of buttons: copy and share, and for a tip from a pack the favourite toggle. */
  private renderActions(withFavourite: boolean, locale: Locale) {
    if (this.hideActions) return nothing;
    const markup = actionMarkup(locale);
    if (!withFavourite) {
      return staticHtml`<div part="actions" class="actions">
        ${markup.copyAndShare}<span part="status" class="status" role="status">${this.live?.text ?? ''}</span>
      </div>`;
    }
    const pressed = String(!!this.item && this.favourites.has(this.item.id));
    return staticHtml`<div part="actions" class="actions">
        ${markup.copyAndShare}<button type="button" part="button favourite" aria-pressed=${pressed}>${markup.favourite}</button>
        <span part="status" class="status" role="status">${this.live?.text ?? ''}</span>
      </div>`;
  }

  /** One listener for the row's buttons, which are static markup, on the shadow root. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.addEventListener('click', (event) => this.act(event));
    return root;
  }

  private act(event: Event): void {
    const button = (event.target as Element).closest?.('[part~="actions"] button');
    // Slotted content is the host page's: a button of its own is not one of ours.
    if (!button || button.getRootNode() !== this.renderRoot) return;
    const part = button.part;
    if (part?.contains('copy')) void this.copier.copy(this.text());
    else if (part?.contains('share')) void this.share();
    else if (part?.contains('favourite')) void this.toggleFavourite();
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
  private copyTemplate = (template: Template): void => void this.copier.copy(template.text, { template: template.id });

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
    if (await this.copier.copy(text)) emit(this, 'nk-share', { tipId, via: 'copy' });
  }

  private async toggleFavourite(): Promise<void> {
    if (this.item) await this.favourites.toggle(this.item.id);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-share': CustomEvent<ShareDetail>;
  }
}
