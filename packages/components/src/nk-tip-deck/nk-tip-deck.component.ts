import { html, nothing, type PropertyValues } from 'lit';
import { filterByTags, orderByAudience, preferAudience, searchTips, sharedAudience, tipOfTheDay, type Pack, type Tip } from '@netwerkkracht/core';
import { emit } from '../internal/emit.js';
import { FavouritesController, favouritesStyles } from '../internal/favourites.js';
import { icon, ICONS, iconStyles } from '../internal/icons.js';
import { NkElement } from '../internal/nk-element.js';
import { DECK_FRAME, indexOf, renderTip } from '../internal/tip.js';
import { t } from './nk-tip-deck.strings.js';
import { styles } from './nk-tip-deck.styles.js';

/** Detail of `nk-filter-change`. */
export interface FilterChangeDetail {
  tags: string[];
  query: string;
  count: number;
}

/** Detail of `nk-audience-change`. */
export interface AudienceChangeDetail {
  /** The audience id the reader chose, or `''` for all roles. */
  audience: string;
}

const split = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Several tips from a content pack: the tip of the day, or a list to filter by topic and search.
 * Long packs are shown a page at a time. When the pack names audiences, the reader can pick a role
 * once: that role's tips come first, the others follow, and the choice stays on this device.
 *
 * @tag nk-tip-deck
 * @summary Tip of the day, or a searchable, filterable list of tips with favourites and a role picker.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The deck's heading.
 * @csspart search - The search field.
 * @csspart audience - The role picker (a labelled select).
 * @csspart filters - The group of topic chips.
 * @csspart chip - One topic chip (a toggle button).
 * @csspart count - The number of tips found, announced politely.
 * @csspart list - The list of tips.
 * @csspart tip - One tip.
 * @csspart tip-title - A tip's title.
 * @csspart body - A tip's paragraphs.
 * @csspart tags - A tip's topics; each is a `tag`.
 * @csspart tag - One topic of a tip.
 * @csspart links - A tip's further reading.
 * @csspart source - A tip's source organisation.
 * @csspart audiences - Whom a tip is for.
 * @csspart favourite - The favourite toggle of a tip.
 * @csspart more - "More tips" (daily) and "Show more" (list).
 * @csspart notice - The message that favourites are not being saved, or that a change failed (`role="alert"`).
 * @csspart error - The error message.
 * @csspart loading - The placeholder while the pack loads.
 *
 * @fires nk-filter-change - The topic filter or search changed. Detail: `{ tags, query, count }`.
 * @fires nk-favourite-change - A tip was saved or removed as favourite. Detail: `{ packId, tipId, favourite }`.
 * @fires nk-audience-change - The reader picked a role. Detail: `{ audience }` (`''` for all roles).
 */
export class NkTipDeck extends NkElement {
  static override styles = [...NkElement.styles, iconStyles, favouritesStyles, styles];

  static override properties = {
    ...NkElement.properties,
    tags: { type: String },
    mode: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    label: { type: String },
    audience: { type: String },
    audiencePicker: { type: String, attribute: 'audience-picker' },
    selected: { state: true, attribute: false },
    query: { state: true, attribute: false },
    limit: { state: true, attribute: false },
    browsing: { state: true, attribute: false },
  };

  /** Comma-separated tag ids: the deck shows only tips with one of them. */
  declare tags: string | undefined;
  /** `daily` (tip of the day), `list` (default: filter and search) or `favourites` (list, favourites first). */
  declare mode: 'daily' | 'list' | 'favourites';
  /** How many tips the list shows before "Show more". Default 20, also for a value below 1 or not a number. */
  declare pageSize: number;
  /** Heading text. Default: "Tip of the day", or the pack's title for a list. */
  declare label: string | undefined;
  /**
   * The reader's role: an id from the pack's `audiences`, whose tips come first; empty for all
   * roles. The reader's own choice in the role picker, kept on this device, wins once it is read.
   */
  declare audience: string | undefined;
  /**
   * `auto` (default): a role picker when the pack has audiences, its choice kept on this device per
   * pack. `none`: no picker and nothing kept; the page sets `audience` (the extension does).
   */
  declare audiencePicker: 'auto' | 'none';
  declare private selected: string[];
  declare private query: string;
  declare private limit: number;
  declare private browsing: boolean;
  private deck: Tip[] = [];
  private found: Tip[] = [];
  private stopAudience: (() => void) | undefined;
  private favourites = new FavouritesController(this);
  /** The tip whose favourite button keeps focus while its change is made. */
  private keepFocusOn: string | undefined;

  constructor() {
    super();
    this.mode = 'list';
    this.pageSize = 20;
    this.selected = [];
    this.query = '';
    this.limit = 20;
    this.browsing = false;
    this.audiencePicker = 'auto';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A role picked in another deck or tab shows here at once (favourites do through their controller).
    this.stopAudience = sharedAudience().subscribe((event) => {
      if (event.type === 'change' && event.key === this.data?.id && this.remembers) this.audience = event.value ?? '';
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopAudience?.();
    this.stopAudience = undefined;
  }

  protected override packChanged(): void {
    const pack = this.data!;
    this.status = pack.tips.length ? 'ready' : 'empty';
    this.limit = this.page;
    void this.favourites.show(pack.id);
    if (!this.remembers) return;
    sharedAudience()
      .read(pack.id)
      .then(
        (id) => {
          if (this.data === pack && id !== undefined && this.remembers) this.audience = id;
        },
        () => {},
      );
  }

  /** Whether the deck keeps the reader's role itself (`audience-picker` is not `none`). */
  private get remembers(): boolean {
    return this.audiencePicker !== 'none';
  }

  /** `audience` when the pack knows it, else `''` (all roles). */
  private get chosenAudience(): string {
    const id = this.audience ?? '';
    return this.data?.audiences?.some((a) => a.id === id) ? id : '';
  }

  private audienceLabel(id: string): string {
    return this.data?.audiences?.find((a) => a.id === id)?.label ?? id;
  }

  private pickAudience(id: string): void {
    this.audience = id;
    this.limit = this.page;
    const pack = this.data;
    if (pack && this.remembers)
      sharedAudience()
        .write(pack.id, id)
        .catch(() => {});
    emit(this, 'nk-audience-change', { audience: id });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('pageSize')) this.limit = this.page;
    this.deck = filterByTags(this.data?.tips ?? [], split(this.tags));
    // Topics chosen before the deck changed (other tags, another pack) that it no longer has would
    // hide every tip behind a chip that is not shown: they go. So does a choice among fewer than
    // two topics, where no chips are shown at all.
    const used = new Set(this.deck.flatMap((tip) => tip.tags ?? []));
    if (this.selected.some((id) => !used.has(id)) || (this.selected.length && used.size < 2)) {
      this.selected = used.size < 2 ? [] : this.selected.filter((id) => used.has(id));
    }
    const found = orderByAudience(
      searchTips(filterByTags(this.deck, this.selected), this.query, (id) => this.tagLabel(id)),
      this.chosenAudience,
    );
    const favourite = new Set(this.mode === 'favourites' ? this.favourites.ids : []);
    this.found = [...found.filter((tip) => favourite.has(tip.id)), ...found.filter((tip) => !favourite.has(tip.id))];
  }

  protected override updated(changed: PropertyValues): void {
    if (this.keepFocusOn) this.renderRoot.querySelector<HTMLElement>(`[data-fav="${CSS.escape(this.keepFocusOn)}"]`)?.focus();
    if (changed.get('selected') !== undefined || changed.get('query') !== undefined) {
      emit(this, 'nk-filter-change', { tags: this.selected, query: this.query, count: this.found.length });
    }
  }

  /** `page-size` as a usable number: a missing, zero, negative or non-numeric value means 20. */
  private get page(): number {
    return this.pageSize >= 1 ? Math.floor(this.pageSize) : 20;
  }

  private filter(tags: string[], query = this.query): void {
    this.selected = tags;
    this.query = query;
    this.limit = this.page;
  }

  private async more(): Promise<void> {
    const first = this.limit;
    this.limit += this.page;
    await this.updateComplete;
    // Focus the first new tip, so keyboard and screen-reader users continue where they were.
    this.renderRoot.querySelectorAll<HTMLElement>('.tip')[first]?.focus();
  }

  private async browse(): Promise<void> {
    this.browsing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#q')?.focus();
  }

  private async toggleFavourite(id: string): Promise<void> {
    // With favourites first the tip moves; focus stays on its button through every update until
    // the change is saved.
    this.keepFocusOn = id;
    await this.favourites.toggle(id);
    await this.updateComplete;
    if (this.keepFocusOn === id) this.keepFocusOn = undefined;
  }

  private tagLabel(id: string): string {
    return (this.data && indexOf(this.data).tags.get(id)) ?? id;
  }

  private renderTip(tip: Tip) {
    const locale = this.locale;
    const favourite = this.favourites.has(tip.id);
    const audiences = tip.audiences?.length
      ? html`<p part="audiences" class="audiences">${t(locale, 'for')}: ${tip.audiences.map((id) => this.audienceLabel(id)).join(', ')}</p>`
      : nothing;
    return renderTip(tip, indexOf(this.data!), {
      frame: DECK_FRAME,
      locale,
      level: this.subheadingAriaLevel,
      titleId: `t-${tip.id}`,
      between: audiences,
      after: html`<button part="favourite" class="fav" data-fav=${tip.id} aria-pressed=${String(favourite)} @click=${() => this.toggleFavourite(tip.id)}>
        ${icon(ICONS.star)}${t(locale, 'favourite')}
      </button>`,
    });
  }

  override render() {
    const { data, locale, found } = this;
    if (this.status === 'loading') return this.renderLoading();
    if (!data || this.status === 'error') return this.renderProblem();
    if (this.mode === 'daily' && !this.browsing) return this.renderDaily(data);
    const count = found.length;
    const role = this.chosenAudience;
    const first = role ? found.filter((tip) => tip.audiences?.includes(role)).length : 0;
    return html`<section class="card" part="base" aria-labelledby="h">
      ${this.renderHeading(this.label || data.title, 'h')} ${this.renderProblem()} ${this.favourites.renderMessage()}
      <div class="search">
        <label for="q">${t(locale, 'search')}</label>
        <input id="q" type="search" part="search" .value=${this.query} @input=${(e: Event) => this.filter(this.selected, (e.target as HTMLInputElement).value)} />
      </div>
      ${this.renderRolePicker(data)} ${this.renderChips(data)}
      <p part="count" class="count" aria-live="polite">${t(locale, count === 1 ? 'oneResult' : count ? 'results' : 'noResults', count)}${
        first ? t(locale, 'roleFirst', first, this.audienceLabel(role)) : nothing
      }</p>
      <ul part="list" class="list">
        ${found.slice(0, this.limit).map((tip) => html`<li>${this.renderTip(tip)}</li>`)}
      </ul>
      ${count > this.limit ? html`<button part="more" class="more" @click=${this.more}>${t(locale, 'showMore', this.limit, count)}</button>` : nothing}
    </section>`;
  }

  /** The tip of the day, for the reader's role when one is chosen; "More tips" shows all of them. */
  private renderDaily(data: Pack) {
    const locale = this.locale;
    const tip = tipOfTheDay(preferAudience(this.deck, this.chosenAudience), new Date(), data.locale);
    return html`<section class="card daily" part="base" aria-labelledby="h">
      ${this.renderHeading(this.label || t(locale, 'tipOfTheDay'), 'h')} ${this.renderProblem()} ${this.favourites.renderMessage()}
      ${tip ? this.renderTip(tip) : html`<p class="muted">${t(locale, 'empty')}</p>`}
      <button part="more" class="more" @click=${this.browse}>${t(locale, 'more')}</button>
    </section>`;
  }

  /** "Your role", when the deck remembers one and the pack names audiences. */
  private renderRolePicker(data: Pack) {
    if (!this.remembers || !data.audiences?.length) return nothing;
    const role = this.chosenAudience;
    return html`<div class="audience">
      <label for="role">${t(this.locale, 'role')}</label>
      <select id="role" part="audience" .value=${role} @change=${(e: Event) => this.pickAudience((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!role}>${t(this.locale, 'allRoles')}</option>
        ${data.audiences.map((a) => html`<option value=${a.id} ?selected=${a.id === role}>${a.label}</option>`)}
      </select>
    </div>`;
  }

  /** A toggle per topic the deck's tips have, the pack's own topics first; none for a single topic. */
  private renderChips(data: Pack) {
    const { selected } = this;
    const used = new Set(this.deck.flatMap((tip) => tip.tags ?? []));
    const chips = [...(data.tags ?? []).map((tag) => tag.id).filter((id) => used.delete(id)), ...used];
    if (chips.length <= 1) return nothing;
    const chip = (id: string) => {
      const on = selected.includes(id);
      return html`<button part="chip" class="chip" aria-pressed=${String(on)} @click=${() => this.filter(on ? selected.filter((s) => s !== id) : [...selected, id])}>
        ${this.tagLabel(id)}
      </button>`;
    };
    return html`<div part="filters" class="chips" role="group" aria-label=${t(this.locale, 'filter')}>
      <button part="chip" class="chip" aria-pressed=${String(!selected.length)} @click=${() => this.filter([])}>${t(this.locale, 'all')}</button>
      ${chips.map(chip)}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-filter-change': CustomEvent<FilterChangeDetail>;
    'nk-audience-change': CustomEvent<AudienceChangeDetail>;
  }
}
