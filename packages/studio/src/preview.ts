import { html, LitElement, nothing } from 'lit';
import type { Pack } from '@netwerkkracht/core';
import '@netwerkkracht/components';
import { say, type UiLang } from './strings.js';

/**
 * The pack as visitors will see it, drawn by the real elements (fed through `packData`), in light
 * or dark. It gets the last pack without problems, so a half-typed field never breaks it.
 */
export class NkStudioPreview extends LitElement {
  static override properties = {
    pack: { attribute: false },
    stale: { type: Boolean },
    tip: { type: String },
    checklist: { type: String },
    contact: { type: String },
    ui: { type: String },
    theme: { state: true },
  };

  /** The last valid pack, or undefined when there has been none yet. */
  declare pack: Pack | undefined;
  /** Whether the pack being edited has problems (the preview then shows an older version). */
  declare stale: boolean;
  declare tip: string | undefined;
  declare checklist: string | undefined;
  declare contact: string | undefined;
  declare ui: UiLang;
  declare private theme: 'light' | 'dark';

  constructor() {
    super();
    this.stale = false;
    this.ui = 'nl';
    this.theme = 'light';
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const t = (key: Parameters<typeof say>[1]) => say(this.ui, key);
    const pack = this.pack;
    const has = (list: { id: string }[] | undefined, id: string | undefined) => id !== undefined && !!list?.some((entry) => entry.id === id);
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${t('preview')}</h2>
      <fieldset class="choice">
        <legend>${t('theme')}</legend>
        ${(['light', 'dark'] as const).map(
          (theme) => html`<label><input type="radio" name="preview-theme" value=${theme}
          .checked=${this.theme === theme} @change=${() => (this.theme = theme)}> ${t(theme)}</label>`,
        )}
      </fieldset>
      ${
        !pack
          ? html`<p>${t('previewEmpty')}</p>`
          : html`
        ${this.stale ? html`<p class="hint">${t('previewStale')}</p>` : nothing}
        <div class="preview-stage theme-${this.theme}" lang=${pack.locale}>
          ${has(pack.tips, this.tip) ? html`<nk-tip-card .packData=${pack} tip=${this.tip!} theme=${this.theme}></nk-tip-card>` : nothing}
          ${has(pack.checklists, this.checklist) ? html`<nk-network-checklist .packData=${pack} checklist=${this.checklist!} theme=${this.theme}></nk-network-checklist>` : nothing}
          ${has(pack.contacts, this.contact) ? html`<nk-contact-card .packData=${pack} contact=${this.contact!} theme=${this.theme}></nk-contact-card>` : nothing}
          ${pack.tips.length ? html`<nk-tip-deck .packData=${pack} theme=${this.theme}></nk-tip-deck>` : nothing}
        </div>`
      }
    </section>`;
  }
}

if (!customElements.get('nk-studio-preview')) customElements.define('nk-studio-preview', NkStudioPreview);

declare global {
  interface HTMLElementTagNameMap {
    'nk-studio-preview': NkStudioPreview;
  }
}
