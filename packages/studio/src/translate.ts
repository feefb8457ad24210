import { html, nothing } from 'lit';
import type { Pack } from '@netwerkkracht/core';
import { LISTS, type ListName } from './model.js';
import type { StringKey } from './strings.js';

/** What the translate view needs from the studio. */
export interface TranslateHost {
  pack: Pack;
  /** The pack in the other language, opened beside this one. */
  other: Pack | undefined;
  t(key: StringKey, ...values: (string | number)[]): string;
  openOtherDefault(locale: string): void;
  openOtherFile(file: File | undefined): void;
  /** Copies entry `id` of `list` from the other pack into this one. */
  addFromOther(list: ListName, id: string): void;
}

const HEADINGS: Record<ListName, StringKey> = {
  sources: 'sources',
  tags: 'tags',
  audiences: 'audiences',
  tips: 'tips',
  contacts: 'contacts',
  checklists: 'checklists',
  templates: 'templates',
  contexts: 'contexts',
};

/** A readable name for any entry of a pack. */
export function entryName(entry: Record<string, unknown>): string {
  for (const key of ['title', 'name', 'label', 'organisation', 'id']) if (typeof entry[key] === 'string' && entry[key]) return entry[key] as string;
  return '';
}

/** The entries of `from` whose id is not in `to`, per list. */
export function missingEntries(from: Pack, to: Pack): [ListName, Record<string, unknown>[]][] {
  return LISTS.map((list) => {
    const have = new Set(((to[list] ?? []) as { id: string }[]).map((entry) => entry.id));
    const missing = ((from[list] ?? []) as unknown as Record<string, unknown>[]).filter((entry) => !have.has(entry.id as string));
    return [list, missing] as [ListName, Record<string, unknown>[]];
  }).filter(([, missing]) => missing.length > 0);
}

function column(host: TranslateHost, label: string, from: Pack, to: Pack, canAdd: boolean) {
  const heading = host.t(canAdd ? 'missingHere' : 'missingThere', label);
  const missing = missingEntries(from, to);
  return html`<section class="card" aria-labelledby="missing-${to.locale}-${canAdd ? 'here' : 'there'}">
    <h3 id="missing-${to.locale}-${canAdd ? 'here' : 'there'}">${heading}</h3>
    ${missing.length === 0 ? html`<p>${host.t('allPresent')}</p>` : nothing}
    ${missing.map(
      ([list, entries]) => html`<h4>${host.t(HEADINGS[list])} (${entries.length})</h4>
      <ul>${entries.map(
        (entry) =>
          html`<li>${
            canAdd
              ? html`<button type="button" class="button-quiet" @click=${() => host.addFromOther(list, entry.id as string)}>${host.t('addFromOther', entryName(entry))}</button>`
              : entryName(entry)
          }</li>`,
      )}</ul>`,
    )}
  </section>`;
}

export function translateView(host: TranslateHost) {
  const otherLocale = host.pack.locale === 'en' ? 'nl' : 'en';
  const other = host.other;
  return html`<section aria-labelledby="translate-heading">
    <h2 id="translate-heading">${host.t('translate')}</h2>
    <p>${host.t('translateIntro')}</p>
    <div class="buttons">
      <button type="button" class="button" @click=${() => host.openOtherDefault(otherLocale)}>${host.t('openOtherDefault', otherLocale)}</button>
    </div>
    <div class="field">
      <label for="open-other">${host.t('openOtherFile')}</label>
      <input id="open-other" type="file" accept=".json,application/json"
        @change=${(event: Event) => host.openOtherFile((event.target as HTMLInputElement).files?.[0])}>
    </div>
    ${
      other
        ? html`
      <h3>${host.t('otherPack')}: ${other.title} (${other.locale})</h3>
      ${other.id !== host.pack.id ? html`<p class="hint">${host.t('otherDiffers', other.id, host.pack.id)}</p>` : nothing}
      <div class="translate-grid">
        ${column(host, host.pack.locale, other, host.pack, true)}
        ${column(host, other.locale, host.pack, other, false)}
      </div>`
        : nothing
    }
  </section>`;
}
