import { html, LitElement, nothing } from 'lit';
import { formatIssue, SCHEMA_VERSION, validatePack, type Pack, type PackIssue } from '@netwerkkracht/core';
import { setDefaultPackBase } from '@netwerkkracht/components/config.js';
import { discardDraft, loadDraft, saveDraft } from './draft.js';
import { checklistsEditor, contactsEditor, contextsEditor, packEditor, templatesEditor, tipsEditor, type EditorHost, type OneAtATime } from './editors.js';
import { emptyPack, entryOf, fieldId, LISTS, MAX_PACK_BYTES, type ListName } from './model.js';
import { publishView, type PublishHost } from './publish.js';
import { translateView, type TranslateHost } from './translate.js';
import { csvView, type CsvHost } from './csv-view.js';
import type { CsvPlan } from './csv.js';
import { say, toUiLang, type StringKey, type UiLang } from './strings.js';
import './preview.js';

type View = 'pack' | 'tips' | 'contacts' | 'checklists' | 'templates' | 'contexts' | 'csv' | 'translate' | 'publish';
const VIEWS: [View, StringKey][] = [
  ['pack', 'vPack'],
  ['tips', 'vTips'],
  ['contacts', 'vContacts'],
  ['checklists', 'vChecklists'],
  ['templates', 'vTemplates'],
  ['contexts', 'vContexts'],
  ['csv', 'vCsv'],
  ['translate', 'vTranslate'],
  ['publish', 'vPublish'],
];
/** Lists edited in the pack view, all entries at once; the others show one entry at a time. */
const IN_PACK_VIEW: readonly ListName[] = ['sources', 'tags', 'audiences'];
const UI_LANG_KEY = 'netwerkkracht-studio-ui-lang';
const CDN_SCRIPT = 'https://cdn.jsdelivr.net/npm/@netwerkkracht/widgets@0.1.0/dist/netwerkkracht.js';
/** Validation, preview and saving wait this long after the last keystroke, off the typing path. */
const SETTLE_MS = 250;

/** A problem's field: list fields typed in one input (tags, paragraphs, hosts) take their items' problems. */
function fieldPathOf(path: string): string {
  return path.replace(/\.(tags|topics|languages|hosts|paths|body|audiences|templates)\[\d+\]$/, '.$1');
}

/** A readable message for a thrown value. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * The pack studio: open, edit, check, preview and publish a content pack, entirely in the browser.
 * The draft is kept in IndexedDB as the user types.
 *
 * @summary Edit a Netwerkkracht content pack without touching JSON.
 * @attr packs-base - Where the default packs are (`nl.json`, `en.json`). Default `/netwerkkracht/packs/`.
 * @attr script-src - The widgets script the inline snippet loads. Default: the public CDN copy.
 */
export class NkStudio extends LitElement implements EditorHost, PublishHost, TranslateHost, CsvHost {
  static override properties = {
    packsBase: { type: String, attribute: 'packs-base' },
    scriptSrc: { type: String, attribute: 'script-src' },
    ui: { state: true },
    pack: { state: true },
    view: { state: true },
    starting: { state: true },
    ready: { state: true },
    issues: { state: true },
    valid: { state: true },
    savedAt: { state: true },
    storageProblem: { state: true },
    openProblem: { state: true },
    message: { state: true },
    copyStatus: { state: true },
    dialogText: { state: true },
    other: { state: true },
    csvPlan: { state: true },
  };

  declare packsBase: string;
  declare scriptSrc: string;
  declare ui: UiLang;
  /** The pack being edited (the draft), or undefined before one is opened. */
  declare pack: Pack;
  declare view: View;
  declare starting: boolean;
  declare ready: boolean;
  declare issues: PackIssue[];
  declare valid: Pack | undefined;
  declare savedAt: number | undefined;
  declare storageProblem: string | undefined;
  declare openProblem: string | undefined;
  declare message: string;
  declare copyStatus: string;
  declare dialogText: [string, string] | undefined;
  declare other: Pack | undefined;
  declare csvPlan: CsvPlan | undefined;

  selected: Record<OneAtATime, number> = { tips: 0, contacts: 0, checklists: 0, templates: 0, contexts: 0 };
  autoIds = new WeakSet<object>();
  raw = new Map<string, string>();
  problemCount = 0;
  private byField = new Map<string, string[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private focusTarget: string | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.packsBase = '/netwerkkracht/packs/';
    this.scriptSrc = CDN_SCRIPT;
    this.ui = 'nl';
    this.view = 'pack';
    this.starting = false;
    this.ready = false;
    this.issues = [];
    this.message = '';
    this.copyStatus = '';
  }

  protected override createRenderRoot() {
    // Light DOM: the problem summary links to fields by id, and the page's stylesheet applies.
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(UI_LANG_KEY);
    } catch {
      // Storage blocked: the page's language decides.
    }
    this.ui = toUiLang(stored ?? document.documentElement.lang);
    this.lang = this.ui;
    setDefaultPackBase(new URL(this.packsBase, document.baseURI));
    // A tab closed or hidden within the pause after the last keystroke still saves that keystroke.
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.flush);
    loadDraft().then(
      (draft) => {
        if (draft && !this.pack) {
          this.use(draft.pack);
          this.savedAt = draft.savedAt;
          this.announce(this.t('restored', new Date(draft.savedAt).toLocaleString(this.ui)));
        }
        this.ready = true;
      },
      (error) => {
        this.storageProblem = reason(error);
        this.ready = true;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.flush);
    this.flush();
  }

  /** Runs the pending validation and save now, if typing left one waiting. */
  private flush = (): void => {
    if (this.timer !== undefined) this.settle();
  };

  t(key: StringKey, ...values: (string | number)[]): string {
    return say(this.ui, key, ...values);
  }

  problemsAt(path: string): string[] {
    return this.byField.get(path) ?? [];
  }

  edit(change: () => void): void {
    change();
    this.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  select(list: OneAtATime, index: number): void {
    this.selected = { ...this.selected, [list]: index };
    this.requestUpdate();
  }

  focusLater(id: string): void {
    this.focusTarget = id;
    this.requestUpdate();
  }

  announce(message: string): void {
    // Cleared first, so the same message twice is announced twice.
    this.message = '';
    requestAnimationFrame(() => (this.message = message));
  }

  setCsvPlan(plan: CsvPlan | undefined): void {
    this.csvPlan = plan;
  }

  setScriptSrc(value: string): void {
    this.scriptSrc = value;
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.querySelector<HTMLElement>(`#${CSS.escape(this.focusTarget)}`);
    this.focusTarget = undefined;
    target?.focus();
  }

  /** Validates, refreshes the preview and saves the draft: the work kept off the typing path. */
  private settle(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pack) return;
    const result = validatePack(this.pack);
    this.issues = result.issues;
    this.problemCount = result.total;
    this.byField = new Map();
    for (const issue of result.issues) {
      const key = fieldPathOf(issue.path);
      this.byField.set(key, [...(this.byField.get(key) ?? []), formatIssue(issue)]);
    }
    if (result.ok) this.valid = structuredClone(this.pack);
    this.save();
  }

  private save(): void {
    const pack = this.pack;
    this.saving = this.saving
      .then(() => saveDraft(pack))
      .then(
        () => {
          this.savedAt = Date.now();
          this.storageProblem = undefined;
        },
        (error) => {
          this.storageProblem = reason(error);
        },
      );
  }

  /** Makes `data` the pack being edited: lists that are not lists become empty ones. */
  private use(data: Pack): void {
    const pack = data as unknown as Record<string, unknown>;
    delete pack.$schema;
    for (const list of LISTS) {
      if (pack[list] === undefined && list !== 'tips') continue;
      pack[list] = Array.isArray(pack[list]) ? (pack[list] as unknown[]).filter((e) => typeof e === 'object' && e !== null && !Array.isArray(e)) : [];
    }
    this.pack = data;
    this.autoIds = new WeakSet();
    this.raw = new Map();
    this.selected = { tips: 0, contacts: 0, checklists: 0, templates: 0, contexts: 0 };
    this.view = 'pack';
    this.starting = false;
    this.openProblem = undefined;
    this.settle();
  }

  /** Opens `data` in place of the draft, asking first when there is one. */
  private async open(data: Pack): Promise<void> {
    if (this.pack && !(await this.confirm(this.t('replaceDraft'), this.t('replace')))) return;
    this.use(data);
    this.focusLater(fieldId('title'));
  }

  /** Checks text (a file, a download) before it is opened; says why and returns undefined when it is not a pack. */
  private check(textValue: string, bytes: number): Pack | undefined {
    if (bytes > MAX_PACK_BYTES) {
      this.openProblem = this.t('tooLarge', (bytes / 1024 / 1024).toFixed(1));
      return undefined;
    }
    // Blob.text() and Response.text() decode UTF-8 and drop a byte-order mark already.
    let data: unknown;
    try {
      data = JSON.parse(textValue);
    } catch (error) {
      this.openProblem = this.t('notJson', reason(error));
      return undefined;
    }
    const object = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
    if (object && typeof object.schemaVersion === 'number' && object.schemaVersion > SCHEMA_VERSION) {
      this.openProblem = this.t('newerPack', object.schemaVersion, SCHEMA_VERSION);
      return undefined;
    }
    if (!object || !Array.isArray(object.tips)) {
      this.openProblem = this.t('notPack');
      return undefined;
    }
    this.openProblem = undefined;
    return object as unknown as Pack;
  }

  private async openText(textValue: string, bytes: number): Promise<void> {
    const pack = this.check(textValue, bytes);
    if (pack) await this.open(pack);
  }

  /** Reads a file or an address as text with its size; says why when that fails. */
  private async read(source: File | string): Promise<[string, number] | undefined> {
    try {
      if (typeof source !== 'string') {
        if (source.size > MAX_PACK_BYTES) return ['', source.size];
        return [await source.text(), source.size];
      }
      const response = await fetch(source);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
      const body = await response.text();
      return [body, new TextEncoder().encode(body).length];
    } catch (error) {
      this.openProblem = this.t('fetchFailed', reason(error));
      return undefined;
    }
  }

  openOtherDefault(locale: string): void {
    void this.read(new URL(`${locale}.json`, new URL(this.packsBase, document.baseURI)).href).then((read) => {
      if (read) this.other = this.check(...read) ?? this.other;
    });
  }

  openOtherFile(file: File | undefined): void {
    if (!file) return;
    void this.read(file).then((read) => {
      if (read) this.other = this.check(...read) ?? this.other;
    });
  }

  addFromOther(list: ListName, id: string): void {
    const entry = (this.other?.[list] as { id: string }[] | undefined)?.find((candidate) => candidate.id === id);
    if (!entry) return;
    this.edit(() => ((this.pack[list] ??= []) as unknown[]).push(structuredClone(entry)));
    this.announce(this.t('added', id));
  }

  private async openFile(file: File | undefined): Promise<void> {
    if (!file) return;
    const read = await this.read(file);
    if (read) await this.openText(...read);
  }

  private async openUrl(url: string): Promise<void> {
    const read = await this.read(url);
    if (read) await this.openText(...read);
  }

  private async openDefault(locale: 'nl' | 'en'): Promise<void> {
    await this.openUrl(new URL(`${locale}.json`, new URL(this.packsBase, document.baseURI)).href);
  }

  private async startEmpty(locale: string): Promise<void> {
    const pack = emptyPack(locale);
    if (this.pack && !(await this.confirm(this.t('replaceDraft'), this.t('replace')))) return;
    this.use(pack);
    this.autoIds.add(pack);
    this.focusLater(fieldId('title'));
  }

  /** Asks a yes/no question in a modal dialog; resolves true for yes. */
  private async confirm(question: string, yes: string): Promise<boolean> {
    this.dialogText = [question, yes];
    await this.updateComplete;
    const dialog = this.querySelector('dialog')!;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise((resolve) => {
      const closed = () => {
        // The close event of an earlier question comes as a task of its own, and may come only
        // after this question opened the dialog again: that one is not this question's answer.
        if (dialog.open) return;
        dialog.removeEventListener('close', closed);
        resolve(dialog.returnValue === 'yes');
      };
      dialog.addEventListener('close', closed);
    });
  }

  private async discard(): Promise<void> {
    if (!(await this.confirm(this.t('discardAsk'), this.t('discardYes')))) return;
    clearTimeout(this.timer);
    await this.saving;
    this.pack = undefined as unknown as Pack;
    this.valid = undefined;
    this.issues = [];
    this.problemCount = 0;
    this.byField = new Map();
    this.savedAt = undefined;
    try {
      await discardDraft();
    } catch (error) {
      this.storageProblem = reason(error);
    }
    this.focusLater('start-heading');
  }

  download(name: string, body: string, type: string): void {
    if (name === 'pack.json' && !validatePack(this.pack).ok) {
      this.settle();
      return;
    }
    const url = URL.createObjectURL(new Blob([body], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  copy(body: string): void {
    navigator.clipboard.writeText(body).then(
      () => (this.copyStatus = this.t('copied')),
      () => (this.copyStatus = this.t('copyFailed')),
    );
  }

  /** Shows the field of a problem: its view and entry first, then focus on the field. */
  private async goTo(path: string): Promise<void> {
    const entry = entryOf(path);
    if (!entry) this.view = 'pack';
    else if (IN_PACK_VIEW.includes(entry.list)) this.view = 'pack';
    else {
      const list = entry.list as OneAtATime;
      this.view = list;
      this.select(list, entry.index);
    }
    await this.updateComplete;
    for (let candidate = fieldPathOf(path); candidate; candidate = candidate.replace(/(\.[^.[]+|\[\d+\])$/, '')) {
      const target = this.querySelector<HTMLElement>(`#${CSS.escape(fieldId(candidate))}`);
      if (target) {
        target.focus();
        return;
      }
      if (!/(\.[^.[]+|\[\d+\])$/.test(candidate)) break;
    }
  }

  private setUi(value: string): void {
    this.ui = toUiLang(value);
    this.lang = this.ui;
    try {
      localStorage.setItem(UI_LANG_KEY, this.ui);
    } catch {
      // Not remembered; the switch still works on this page.
    }
  }

  override render() {
    return html`<div class="studio">
      <div class="studio-bar">
        <h1>${this.t('studio')}</h1>
        <div class="field inline">
          <label for="ui-lang">${this.t('uiLang')}</label>
          <select id="ui-lang" @change=${(event: Event) => this.setUi((event.target as HTMLSelectElement).value)}>
            <option value="nl" lang="nl" ?selected=${this.ui === 'nl'}>Nederlands</option>
            <option value="en" lang="en" ?selected=${this.ui === 'en'}>English</option>
          </select>
        </div>
      </div>
      <p class="intro">${this.t('intro')}</p>
      <p class="status" role="status">${this.message}</p>
      ${
        this.storageProblem
          ? html`<div class="alert" role="alert">
        <p>${this.t('storageFailed', this.storageProblem)}</p>
        ${this.pack ? html`<button type="button" class="button" @click=${() => this.download('pack-draft.json', `${JSON.stringify(this.pack, null, 2)}\n`, 'application/json')}>${this.t('downloadDraft')}</button>` : nothing}
      </div>`
          : nothing
      }
      ${this.openProblem ? html`<p class="alert" role="alert">${this.openProblem}</p>` : nothing}
      ${!this.ready ? nothing : !this.pack || this.starting ? this.renderStart() : this.renderEditor()}
      ${this.renderDialog()}
    </div>`;
  }

  // A modal dialog is where HTML asks for autofocus: on opening, focus goes to the harmless answer
  // (cancel), not to the first button, which discards or replaces the draft.
  /* eslint-disable lit-a11y/no-autofocus */
  private renderDialog() {
    const [question, yes] = this.dialogText ?? ['', ''];
    return html`<dialog aria-labelledby="dialog-question">
      <form method="dialog">
        <p id="dialog-question">${question}</p>
        <div class="buttons">
          <button class="button" value="yes">${yes}</button>
          <button class="button-quiet" value="no" autofocus>${this.t('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
  /* eslint-enable lit-a11y/no-autofocus */

  private renderStart() {
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      void this.openFile(event.dataTransfer?.files[0]);
    };
    return html`<section class="start" aria-labelledby="start-heading" @dragover=${(event: DragEvent) => event.preventDefault()} @drop=${onDrop}>
      <h2 id="start-heading" tabindex="-1">${this.t('start')}</h2>
      <p>${this.t('startIntro')}</p>
      <div class="start-options">
        <form class="card" @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          void this.startEmpty(new FormData(event.target as HTMLFormElement).get('locale') as string);
        }}>
          <div class="field">
            <label for="new-locale">${this.t('packLocale')}</label>
            <select id="new-locale" name="locale">
              <option value="nl" ?selected=${this.ui === 'nl'}>Nederlands (nl)</option>
              <option value="en" ?selected=${this.ui === 'en'}>English (en)</option>
            </select>
          </div>
          <button class="button" id="new-pack">${this.t('newPack')}</button>
        </form>
        <div class="card">
          <button type="button" class="button" @click=${() => this.openDefault('nl')}>${this.t('openDefault', 'Nederlands')}</button>
          <button type="button" class="button" @click=${() => this.openDefault('en')}>${this.t('openDefault', 'English')}</button>
        </div>
        <div class="card drop">
          <div class="field">
            <label for="open-file">${this.t('openFile')}</label>
            <input id="open-file" type="file" accept=".json,application/json" @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              void this.openFile(input.files?.[0]).then(() => (input.value = ''));
            }}>
          </div>
          <p>${this.t('dropHere')}</p>
        </div>
        <form class="card" @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          void this.openUrl(new FormData(event.target as HTMLFormElement).get('url') as string);
        }}>
          <div class="field">
            <label for="open-url">${this.t('openUrl')}</label>
            <input id="open-url" name="url" type="url" required spellcheck="false" autocomplete="url">
          </div>
          <button class="button">${this.t('openUrlButton')}</button>
        </form>
      </div>
      ${this.pack ? html`<p><button type="button" class="button-quiet" @click=${() => (this.starting = false)}>${this.t('backToDraft')}</button></p>` : nothing}
    </section>`;
  }

  private renderSummary() {
    const count = this.problemCount;
    return html`<section class="summary ${count ? 'has-problems' : ''}" aria-labelledby="summary-heading">
      <h2 id="summary-heading">${count === 0 ? this.t('noProblems') : count === 1 ? this.t('problem') : this.t('problems', count)}</h2>
      ${
        count
          ? html`<p>${this.t('problemsIntro')}</p>
        <ul>${this.issues.map(
          (issue) =>
            html`<li>${
              issue.path
                ? html`<a href="#${fieldId(fieldPathOf(issue.path))}" @click=${(event: Event) => {
                    event.preventDefault();
                    void this.goTo(issue.path);
                  }}>${formatIssue(issue)}</a>`
                : formatIssue(issue)
            }</li>`,
        )}</ul>`
          : nothing
      }
    </section>`;
  }

  private renderView() {
    const views: Record<View, (host: NkStudio) => unknown> = {
      pack: packEditor,
      tips: tipsEditor,
      contacts: contactsEditor,
      checklists: checklistsEditor,
      templates: templatesEditor,
      contexts: contextsEditor,
      csv: csvView,
      translate: translateView,
      publish: publishView,
    };
    return views[this.view](this);
  }

  private renderEditor() {
    const pick = <T extends { id: string }>(list: T[] | undefined, index: number) => list?.[Math.min(index, list.length - 1)]?.id;
    return html`
      <div class="toolbar">
        <button type="button" class="button-quiet" @click=${() => (this.starting = true)}>${this.t('openAnother')}</button>
        <button type="button" class="button-quiet" id="discard-draft" @click=${() => this.discard()}>${this.t('discard')}</button>
        <span class="saved">${this.savedAt ? this.t('saved', new Date(this.savedAt).toLocaleTimeString(this.ui)) : ''}</span>
      </div>
      <nav class="views" aria-label=${this.t('views')}>
        <ul>${VIEWS.map(
          ([view, label]) => html`<li><button type="button" id="view-${view}" aria-current=${this.view === view ? 'page' : nothing}
          @click=${() => (this.view = view)}>${this.t(label)}</button></li>`,
        )}</ul>
      </nav>
      ${this.renderSummary()}
      <div class="workspace">
        <div class="editor">${this.renderView()}</div>
        <nk-studio-preview .pack=${this.valid} ?stale=${this.problemCount > 0} ui=${this.ui}
          tip=${pick(this.valid?.tips, this.selected.tips) ?? ''} checklist=${pick(this.valid?.checklists, this.selected.checklists) ?? ''}
          contact=${pick(this.valid?.contacts, this.selected.contacts) ?? ''}></nk-studio-preview>
      </div>`;
  }
}

if (!customElements.get('nk-studio')) customElements.define('nk-studio', NkStudio);

declare global {
  interface HTMLElementTagNameMap {
    'nk-studio': NkStudio;
  }
}
