import { html, nothing } from 'lit';
import type { Pack } from '@netwerkkracht/core';
import { inlineSnippet, packFile } from './model.js';
import type { StringKey } from './strings.js';

/** What the publish view needs from the studio. */
export interface PublishHost {
  pack: Pack;
  /** Problems of the pack as it is now; publishing waits until there are none. */
  problemCount: number;
  scriptSrc: string;
  t(key: StringKey, ...values: (string | number)[]): string;
  setScriptSrc(value: string): void;
  download(name: string, text: string, type: string): void;
  copy(text: string): void;
  copyStatus: string;
}

export function publishView(host: PublishHost) {
  const blocked = host.problemCount > 0;
  const reason = blocked ? host.t('cannotExport', host.problemCount === 1 ? host.t('problem') : host.t('problems', host.problemCount)) : '';
  const snippet = blocked ? '' : inlineSnippet(host.pack, host.scriptSrc);
  return html`<section aria-labelledby="publish-heading">
    <h2 id="publish-heading">${host.t('publish')}</h2>
    ${blocked ? html`<p id="export-reason" class="problem">${reason}</p>` : nothing}
    <h3>pack.json</h3>
    <p>${host.t('hostIntro')}</p>
    <p><button type="button" class="button" id="download-pack" ?disabled=${blocked} aria-describedby=${blocked ? 'export-reason' : nothing}
      @click=${() => host.download('pack.json', packFile(host.pack), 'application/json')}>${host.t('downloadPack')}</button></p>
    <h3>${host.t('inline')}</h3>
    <p>${host.t('inlineIntro')}</p>
    <div class="field">
      <label for="script-src">${host.t('scriptSrc')}</label>
      <input id="script-src" type="url" .value=${host.scriptSrc} @input=${(event: Event) => host.setScriptSrc((event.target as HTMLInputElement).value)} spellcheck="false">
    </div>
    <div class="field">
      <label for="inline-snippet">${host.t('snippet')}</label>
      <textarea id="inline-snippet" readonly .value=${snippet} aria-describedby=${blocked ? 'export-reason' : nothing}></textarea>
    </div>
    <p><button type="button" class="button" id="copy-snippet" ?disabled=${blocked} aria-describedby=${blocked ? 'export-reason' : nothing}
      @click=${() => host.copy(snippet)}>${host.t('copy')}</button> <span role="status">${host.copyStatus}</span></p>
    <h3>${host.t('extension')}</h3>
    <p>${host.t('extensionSteps')}</p>
  </section>`;
}
