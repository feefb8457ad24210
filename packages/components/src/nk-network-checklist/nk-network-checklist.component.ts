import { html, nothing, type PropertyValues } from 'lit';
import {
  localDate,
  progressKey,
  pruneProgress,
  sharedProgressStore,
  type Checklist,
  type ChecklistItem,
  type ChecklistProgress,
  type ProgressStore,
  type Template,
} from '@netwerkkracht/core';
import { CopyController } from '../internal/copy.js';
import { emit } from '../internal/emit.js';
import type { Locale } from '../internal/i18n.js';
import { LiveMessage } from '../internal/live-message.js';
import { renderTemplates, templateStyles } from '../internal/templates.js';
import { t } from './nk-network-checklist.strings.js';
import { NkElement } from '../internal/nk-element.js';
import { styles } from './nk-network-checklist.styles.js';

/** Detail of `nk-progress-change`. */
export interface ProgressChangeDetail {
  checklistId: string;
  done: number;
  total: number;
  itemId: string;
  checked: boolean;
}

/** Detail of `nk-checklist-reset`. */
export interface ChecklistResetDetail {
  checklistId: string;
}

/** Detail of `nk-export`. */
export interface ExportDetail {
  kind: 'print' | 'copy' | 'ics';
}

/**
 * A networking checklist from a content pack, with progress kept on the user's own device.
 *
 * @tag nk-network-checklist
 * @summary Checklist with saved progress, tips per item, print, agenda copy and a calendar reminder.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The checklist's title.
 * @csspart description - The checklist's description.
 * @csspart progress - The progress bar.
 * @csspart progress-text - "3 of 5 done", announced politely.
 * @csspart notice - The message that progress is not being kept (storage unavailable).
 * @csspart items - The list of items.
 * @csspart item - One item: checkbox, label and tip.
 * @csspart checkbox - An item's checkbox.
 * @csspart tip - An item's expandable tip.
 * @csspart templates - An item's template (an agenda, an invitation, an e-mail) to copy; it is a `template`.
 * @csspart template - A template: its title (`template-title`), text (`template-text`), a
 *   `copy-template` button and, for an e-mail, a `template-mail` link.
 * @csspart template-title - A template's title, which opens its text.
 * @csspart template-text - A template's text.
 * @csspart template-mail - The link that opens a template as a new e-mail (`mailto:`).
 * @csspart button - The `copy-template` buttons.
 * @csspart actions - Print, copy and start-again buttons.
 * @csspart reminder - The follow-up date and calendar download.
 * @csspart status - Short feedback after an action.
 * @csspart error - The error message.
 * @csspart loading - The placeholder while the pack loads.
 *
 * @fires nk-progress-change - An item was ticked or unticked. Detail: `{ checklistId, done, total, itemId, checked }`.
 * @fires nk-checklist-reset - All ticks were cleared. Detail: `{ checklistId }`.
 * @fires nk-export - The user printed, copied or downloaded the checklist. Detail: `{ kind }`.
 * @fires nk-copy - An item's template was copied. Detail: `{ text, template }` (the template's id).
 */
export class NkNetworkChecklist extends NkElement {
  static override styles = [...NkElement.styles, templateStyles, styles];

  static override properties = {
    ...NkElement.properties,
    checklist: { type: String },
    store: { attribute: false },
    progress: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
  };

  /** Id of the checklist in the pack. Without it, the pack's first checklist. */
  declare checklist: string | undefined;
  /** Where progress is kept; by default the page's shared store. The extension passes its own. */
  declare store: ProgressStore;
  declare private progress: ChecklistProgress;
  declare private confirming: boolean;
  private list: Checklist | undefined;
  /** Short feedback after an action; it stays until the next one. */
  private live = new LiveMessage(this);
  private copier = new CopyController(this, this.live);
  private stop: (() => void) | undefined;
  /** The store `stop` belongs to. */
  private followed: ProgressStore | undefined;

  constructor() {
    super();
    this.store = sharedProgressStore();
    this.progress = {};
    this.confirming = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
    this.stop = this.followed = undefined;
  }

  /** Follows the store, so other instances and other tabs stay in step with this one. */
  private listen(): void {
    if (this.stop && this.followed === this.store) return;
    this.stop?.();
    this.followed = this.store;
    this.stop = this.store.subscribe((event) => {
      if (event.type === 'mode') this.requestUpdate();
      else if (this.list && this.data && event.key === progressKey(this.data.id, this.list.id)) {
        this.progress = pruneProgress(event.value ?? {}, this.list);
      }
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Also before the first update: a store set before the element was defined, or after it was
    // connected, only arrives here.
    if (changed.has('store') && this.isConnected) this.listen();
    this.selectAgain(changed, 'checklist', 'store');
  }

  protected override packChanged(): void {
    const pack = this.data!;
    const list = this.checklist ? pack.checklists?.find((c) => c.id === this.checklist) : pack.checklists?.[0];
    if (list?.id !== this.list?.id) this.progress = {};
    this.list = list;
    if (!list) {
      this.problem = t(this.locale, 'noChecklist', this.checklist ?? '');
      this.status = 'not-found';
      return;
    }
    // A checklist id corrected after an unknown one: that alert goes (a failed pack refresh keeps its own).
    if (this.status === 'not-found') this.problem = undefined;
    this.status = list.items.length ? 'ready' : 'empty';
    const store = this.store;
    store.get(pack.id, list.id).then(
      (progress) => {
        if (this.list === list && this.store === store) this.progress = pruneProgress(progress, list);
      },
      () => {},
    );
  }

  private async toggle(event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    const { data, list } = this;
    if (!data || !list) return;
    const checked = box.checked;
    // An earlier "cleared" or "copied" no longer describes the list.
    this.live.clear();
    try {
      const progress = pruneProgress(await this.store.setItem(data.id, list.id, box.value, checked), list);
      const done = Object.keys(progress).length;
      emit(this, 'nk-progress-change', { checklistId: list.id, done, total: list.items.length, itemId: box.value, checked });
    } catch {
      box.checked = !checked;
      void this.live.say(t(this.locale, 'actionFailed'));
    }
  }

  private async confirmReset(show: boolean): Promise<void> {
    this.confirming = show;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(show ? '#cancel' : '#reset')?.focus();
  }

  private async reset(): Promise<void> {
    const { data, list } = this;
    if (!data || !list) return;
    this.confirmReset(false);
    this.live.clear();
    try {
      await this.store.reset(data.id, list.id);
      void this.live.say(t(this.locale, 'resetDone'));
      emit(this, 'nk-checklist-reset', { checklistId: list.id });
    } catch {
      void this.live.say(t(this.locale, 'actionFailed'));
    }
  }

  private async export(kind: ExportDetail['kind']): Promise<void> {
    const { data, list, locale } = this;
    if (!data || !list) return;
    this.live.clear();
    try {
      if (kind === 'print') window.print();
      else if (!(await (kind === 'copy' ? this.copyAgenda() : this.downloadIcs()))) return;
      emit(this, 'nk-export', { kind });
    } catch {
      void this.live.say(t(locale, 'actionFailed'));
    }
  }

  /** Copies the checklist as an agenda; says whether that worked (the export fires, not nk-copy). */
  private async copyAgenda(): Promise<boolean> {
    const { agendaText } = await import('../internal/ics.js');
    return this.copier.copy(agendaText(this.data!, this.list!, this.progress, this.locale), { event: false });
  }

  /** Offers the follow-up reminder as a calendar file on the date picked; says how that went. */
  private async downloadIcs(): Promise<boolean> {
    const { list, locale } = this;
    const date = this.renderRoot.querySelector<HTMLInputElement>('#date')?.value ?? '';
    if (!/^\d{4}-\d\d-\d\d$/.test(date)) {
      void this.live.say(t(locale, 'pickDate'));
      return false;
    }
    return this.copier.download(
      async () => {
        const { icsFile } = await import('../internal/ics.js');
        return { name: `${list!.id}.ics`, type: 'text/calendar', text: icsFile(list!, this.progress, date, locale) };
      },
      t(locale, 'downloaded'),
    );
  }

  /** Copies a template and says so; an arrow function, as the template view calls it without `this`. */
  private copyTemplate = (template: Template): void => void this.copier.copy(template.text, { template: template.id });

  override render() {
    const { list, locale, progress } = this;
    if (this.status === 'loading') return this.renderLoading();
    if (!list) return this.renderProblem();
    const total = list.items.length;
    const done = list.items.filter((item) => progress[item.id]).length;
    return html`<section class="card" part="base" aria-labelledby="title">
      ${this.renderHeading(list.title, 'title')}
      ${list.description ? html`<p part="description" class="muted">${list.description}</p>` : nothing}
      ${this.renderProblem()}
      <div role="status" class="live">${this.store.mode === 'memory' ? html`<p part="notice" class="notice">${t(locale, 'memoryOnly')}</p>` : nothing}</div>
      <div class="progress">
        <progress part="progress" max=${total || 1} .value=${done} aria-labelledby="count"></progress>
        <p id="count" part="progress-text" aria-live="polite">${t(locale, 'progress', done, total)}</p>
      </div>
      ${total ? html`<ul part="items" class="items">${list.items.map((item) => this.renderItem(item, locale))}</ul>` : html`<p class="muted">${t(locale, 'empty')}</p>`}
      ${this.renderActions(locale)} ${this.renderReminder(locale)}
      <p role="status" part="status" class="status">${this.live.text}</p>
    </section>`;
  }

  /** One step: its checkbox and, when the pack links them, the tip to read and the template to copy. */
  private renderItem(item: ChecklistItem, locale: Locale) {
    const tip = item.tip ? this.data!.tips.find((tip) => tip.id === item.tip) : undefined;
    const template = item.template ? this.data!.templates?.find((template) => template.id === item.template) : undefined;
    return html`<li part="item">
      <input type="checkbox" part="checkbox" id="i-${item.id}" .value=${item.id} .checked=${!!this.progress[item.id]} @change=${this.toggle} />
      <label for="i-${item.id}">${item.text}</label>
      ${
        tip
          ? html`<details part="tip">
              <summary>${t(locale, 'tipTitle', tip.title)}</summary>
              ${tip.body.map((p) => html`<p>${p}</p>`)}
            </details>`
          : nothing
      }
      ${template ? renderTemplates([template], locale, this.copyTemplate) : nothing}
    </li>`;
  }

  /** Print, copy as an agenda, and start again (after a question that Escape cancels). */
  private renderActions(locale: Locale) {
    const reset = this.confirming
      ? html`<div class="confirm" role="group" aria-labelledby="confirm" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.confirmReset(false)}>
          <p id="confirm">${t(locale, 'resetConfirm')}</p>
          <button class="primary" @click=${this.reset}>${t(locale, 'resetYes')}</button>
          <button id="cancel" @click=${() => this.confirmReset(false)}>${t(locale, 'cancel')}</button>
        </div>`
      : html`<button id="reset" @click=${() => this.confirmReset(true)}>${t(locale, 'reset')}</button>`;
    return html`<div part="actions" class="actions">
      <button @click=${() => this.export('print')}>${t(locale, 'print')}</button>
      <button @click=${() => this.export('copy')}>${t(locale, 'copyAgenda')}</button>
      ${reset}
    </div>`;
  }

  /** A calendar reminder, a week from today unless the reader picks another day. */
  private renderReminder(locale: Locale) {
    const week = new Date();
    week.setDate(week.getDate() + 7);
    return html`<fieldset part="reminder" class="reminder">
      <legend>${t(locale, 'reminder')}</legend>
      <label for="date">${t(locale, 'reminderDate')}</label>
      <div class="row">
        <input type="date" id="date" value=${localDate(week)} />
        <button class="primary" @click=${() => this.export('ics')}>${t(locale, 'downloadIcs')}</button>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-progress-change': CustomEvent<ProgressChangeDetail>;
    'nk-checklist-reset': CustomEvent<ChecklistResetDetail>;
    'nk-export': CustomEvent<ExportDetail>;
  }
}
