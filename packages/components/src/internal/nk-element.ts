import {
  CSSResult,
  html,
  LitElement,
  nothing,
  supportsAdoptingStyleSheets,
  unsafeCSS,
  type CSSResultGroup,
  type CSSResultOrNative,
  type PropertyValues,
} from 'lit';
import { loadPack, type Pack, type PackIssue, type PackLoadError } from '@netwerkkracht/core';
import { adoptStylesIn } from './adopt-styles.js';
import { emit } from './emit.js';
import { t, toLocale, type Locale } from './i18n.js';
import { defaultPackUrl } from './packs.js';
import { tokens } from './tokens.styles.js';

/**
 * What an element can show: its data is coming (`loading`), is there (`ready`), the entry it was
 * asked for is not in the pack (`not-found`: a `tip` or `contact` id), the pack has nothing to
 * list (`empty`: a checklist without items, a pack without tips), or the pack could not be had
 * (`error`).
 */
export type LoadStatus = 'loading' | 'ready' | 'not-found' | 'empty' | 'error';

/** Detail of `nk-pack-load`. */
export interface PackLoadDetail {
  pack: Pack;
  origin: 'network' | 'cache' | 'inline' | 'property';
}

/** Detail of `nk-pack-error`. */
export interface PackErrorDetail {
  message: string;
  issues: PackIssue[];
}

/** Detail of `nk-copy`, fired by any element after it copied something. */
export interface CopyDetail {
  text: string;
  /** The id of the template copied, when the text is a template from the pack. */
  template?: string;
}

/** The `lang` of the element, its nearest ancestor (across shadow roots), or the document. */
function closestLang(start: Element): string | null {
  let node: Element | null = start;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return document.documentElement.getAttribute('lang');
}

/** Why a pack failed, in the element's language; the technical detail (a status, a path) as is. */
function problemText(error: Partial<PackLoadError>, locale: Locale): string {
  const kind = error.kind;
  return kind && kind !== 'other' ? t(locale, `problem-${kind}`, error.detail ?? '') : String(error.message);
}

/**
 * The shared base of the `nk-` elements: language, theme, the pack they show (from `pack`, from the
 * `packData` property, or the default pack of their language) and the error state.
 *
 * @cssproperty --nk-color-text - Text colour.
 * @cssproperty --nk-color-background - Card background.
 * @cssproperty --nk-color-muted - Secondary text: sources, counts, labels.
 * @cssproperty --nk-color-accent - Links, buttons, checkboxes, favourites and other highlights.
 * @cssproperty --nk-color-accent-text - Text on the accent colour.
 * @cssproperty --nk-color-accent-subtle - Topic chips, badges and other light highlights.
 * @cssproperty --nk-color-border - Card, button and list borders.
 * @cssproperty --nk-color-focus - Focus outline.
 * @cssproperty --nk-font-family - Font (inherits from the page by default).
 * @cssproperty --nk-font-size - Base font size.
 * @cssproperty --nk-radius - Corner radius.
 * @cssproperty --nk-space - Padding and gaps.
 * @cssproperty --nk-placeholder-size - Height kept free while the pack loads (default: what the content usually takes).
 *
 * @fires nk-pack-load - The pack was loaded. Detail: `{ pack, origin }`.
 * @fires nk-pack-error - The pack could not be loaded. Detail: `{ message, issues }`.
 */
export class NkElement extends LitElement {
  static override styles = [tokens];

  static override properties = {
    pack: { type: String },
    packData: { attribute: false },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    lang: { type: String, reflect: true },
    status: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    data: { state: true, attribute: false },
  };

  /**
   * URL of a content pack, or `#id` of a `<script type="application/json">` in the page that holds
   * one. Without it, the default pack in the element's language.
   */
  declare pack: string | undefined;
  /** A pack object to show instead of loading one (used by the extension). */
  declare packData: Pack | undefined;
  /** `auto` (default: follows the system), `light` or `dark`. */
  declare theme: 'auto' | 'light' | 'dark' | undefined;
  /** Level of the element's heading (1–6), so it fits the page's outline. Default 3. */
  declare headingLevel: number;
  declare protected status: LoadStatus;
  declare protected problem: string | undefined;
  declare protected notice: string | undefined;
  /** The pack being shown. */
  declare protected data: Pack | undefined;
  private loadToken = 0;

  constructor() {
    super();
    this.headingLevel = 3;
    this.status = 'loading';
  }

  /** The interface language, from `lang` on the element, an ancestor, or the document. */
  get locale(): Locale {
    // The property first: render() runs before Lit reflects a new `lang` to the attribute.
    return toLocale(this.lang || (this.isConnected ? closestLang(this) : null));
  }

  /** Elements that need no pack (inline content) return false. */
  protected needsPack(): boolean {
    return true;
  }

  /** Called once a pack is in `data`: subclasses pick their entry and set `status`. */
  protected packChanged(): void {
    this.status = 'ready';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first update loads; loading here as well would load, and announce, everything twice.
    // A moved element loads again: its new place may give it another language.
    if (this.hasUpdated) this.requestLoad();
  }

  /**
   * The element's styles (tokens, icons, its own rules) as one stylesheet: a shadow root adopts a
   * list of sheets one by one, and a page may hold a thousand cards.
   */
  protected static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    const list = super.finalizeStyles(styles);
    if (list.length < 2 || !list.every((style) => style instanceof CSSResult)) return list;
    return [unsafeCSS(list.map((style) => style.cssText).join('\n'))];
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!supportsAdoptingStyleSheets || this.ownerDocument === document) return super.createRenderRoot();
    // First connected in another document: Lit would set this document's sheets there, and throw.
    const root = this.shadowRoot ?? this.attachShadow((this.constructor as typeof LitElement).shadowRootOptions);
    adoptStylesIn(root, (this.constructor as typeof LitElement).elementStyles);
    this.renderOptions.renderBefore ??= root.firstChild;
    return root;
  }

  /** Moved into another document (adoptNode, or appended there): its styles move along. */
  adoptedCallback(): void {
    if (supportsAdoptingStyleSheets && this.shadowRoot) adoptStylesIn(this.shadowRoot, (this.constructor as typeof LitElement).elementStyles);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('pack') || changed.has('packData') || changed.has('lang')) this.requestLoad();
  }

  /**
   * Call from `willUpdate` with the properties that pick the element's entry (`tip`, `contact`,
   * `checklist`): when one changed after the first update, the entry is picked from the pack again,
   * or the pack is loaded when there is none. With the pack or the language changed as well, the
   * new pack picks it when it arrives; the old one would say "not found" meanwhile.
   */
  protected selectAgain(changed: PropertyValues<this>, ...keys: string[]): void {
    if (!this.hasUpdated || !keys.some((key) => (changed as PropertyValues).has(key))) return;
    if (changed.has('pack') || changed.has('packData') || changed.has('lang')) return;
    if (this.data) this.packChanged();
    else if (this.status !== 'loading') this.requestLoad();
  }

  /** Loads (or reloads) the pack; call it when an attribute that decides what to show changes. */
  protected requestLoad(): void {
    if (!this.isConnected) return;
    const token = ++this.loadToken;
    if (this.packData) {
      this.useData(this.packData, 'property');
      return;
    }
    if (!this.needsPack()) {
      this.status = 'ready';
      return;
    }
    this.status = this.data ? this.status : 'loading';
    // The default packs are built and validated with this code: no need to ship the validator for them.
    // An element removed meanwhile takes nothing: it loads again when it is put back.
    // The stored copy shows at once; a newer one from the network replaces it in place, so focus,
    // typed text and ticks stay where they are.
    loadPack(this.pack || defaultPackUrl(this.locale), { trusted: !this.pack, cacheFirst: true }).then(
      (loaded) => {
        if (token !== this.loadToken || !this.isConnected) return;
        this.useData(loaded.pack, loaded.origin);
        if (loaded.problem) this.notice = t(this.locale, 'cached');
        loaded.update?.then((update) => {
          if (!update || token !== this.loadToken || !this.isConnected) return;
          if (update.problem) this.notice = t(this.locale, 'cached');
          else this.useData(update.pack, update.origin);
        });
      },
      (error: Error & { issues?: PackIssue[] }) => {
        if (token !== this.loadToken || !this.isConnected) return;
        // The last good data stays on screen; the message says what went wrong.
        this.problem = t(this.locale, 'packError', problemText(error, this.locale));
        if (!this.data) this.status = 'error';
        emit(this, 'nk-pack-error', { message: error.message, issues: error.issues ?? [] });
      },
    );
  }

  private useData(pack: Pack, origin: PackLoadDetail['origin']): void {
    this.data = pack;
    this.problem = undefined;
    this.notice = undefined;
    this.packChanged();
    emit(this, 'nk-pack-load', { pack, origin });
  }

  /** The error message (`role="alert"`), the cache notice, or nothing. */
  protected renderProblem() {
    if (this.problem) return html`<p role="alert" part="error">${this.problem}</p>`;
    if (this.notice) return html`<p part="notice" class="muted">${this.notice}</p>`;
    return nothing;
  }

  /** `heading-level` as a valid `aria-level`: 1–6, default 3. */
  protected get headingAriaLevel(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
  }

  /** The level of a heading one below the element's own, e.g. a tip's title in a deck. */
  protected get subheadingAriaLevel(): number {
    return Math.min(6, this.headingAriaLevel + 1);
  }

  /** A heading at `heading-level`, as an ARIA heading so the level can vary without static tags. */
  protected renderHeading(text: string, id?: string) {
    return html`<div role="heading" aria-level=${this.headingAriaLevel} part="heading" class="heading" id=${id ?? nothing}>${text}</div>`;
  }

  /**
   * The loading placeholder: reserves space so the page does not jump. An element with content of
   * its own in the page (a pre-rendered snippet) shows that content instead, in the same room,
   * until the pack is there.
   */
  protected renderLoading() {
    if (this.querySelector(':scope > *')) return html`<div class="skeleton prerendered" part="loading" aria-busy="true"><slot></slot></div>`;
    return html`<div class="skeleton" part="loading" aria-busy="true"><span class="visually-hidden">${t(this.locale, 'loading')}</span></div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-pack-load': CustomEvent<PackLoadDetail>;
    'nk-pack-error': CustomEvent<PackErrorDetail>;
    'nk-copy': CustomEvent<CopyDetail>;
  }
}
