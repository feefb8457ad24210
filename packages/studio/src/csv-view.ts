import { html, nothing } from 'lit';
import type { Pack } from '@netwerkkracht/core';
import { applyCsvImport, planCsvImport, toCsv, type CsvPlan } from './csv.js';
import type { StringKey } from './strings.js';

/** What the spreadsheet view needs from the studio. */
export interface CsvHost {
  pack: Pack;
  csvPlan: CsvPlan | undefined;
  t(key: StringKey, ...values: (string | number)[]): string;
  edit(change: () => void): void;
  download(name: string, text: string, type: string): void;
  announce(message: string): void;
  setCsvPlan(plan: CsvPlan | undefined): void;
}

async function readCsv(host: CsvHost, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  // Excel and LibreOffice save UTF-8 here; a BOM, if any, is dropped by the parser step.
  host.setCsvPlan(planCsvImport(host.pack, await file.text()));
  input.value = '';
}

function planView(host: CsvHost, plan: CsvPlan) {
  if (plan.problem) {
    return html`<p role="alert" class="problem">${'missing' in plan.problem ? host.t('csvMissing', plan.problem.missing.join(', ')) : plan.problem.message}</p>`;
  }
  const nothingToDo = plan.added.length + plan.changed.length === 0;
  return html`<section class="card" aria-labelledby="csv-plan-heading">
    <h3 id="csv-plan-heading">${host.t(plan.kind === 'tips' ? 'tips' : 'contacts')}</h3>
    <p role="status">${host.t('csvPreview', plan.added.length, plan.changed.length, plan.unchanged)}</p>
    ${plan.added.length ? html`<p>+ ${plan.added.map((entry) => entry.id).join(', ')}</p>` : nothing}
    ${plan.changed.length ? html`<p>~ ${plan.changed.map((entry) => entry.id).join(', ')}</p>` : nothing}
    ${plan.errors.length ? html`<ul class="problem">${plan.errors.map((error) => html`<li>${host.t('csvRowError', error.row, error.message)}</li>`)}</ul>` : nothing}
    <button type="button" class="button" aria-disabled=${nothingToDo ? 'true' : 'false'} @click=${() => {
      if (nothingToDo) return host.announce(host.t('csvNothing'));
      host.edit(() => applyCsvImport(host.pack, plan));
      host.setCsvPlan(undefined);
      host.announce(host.t('csvDone'));
    }}>${host.t('csvApply')}</button>
  </section>`;
}

export function csvView(host: CsvHost) {
  return html`<section aria-labelledby="csv-heading">
    <h2 id="csv-heading">${host.t('csv')}</h2>
    <p>${host.t('csvIntro')}</p>
    <div class="buttons">
      <button type="button" class="button" @click=${() => host.download('tips.csv', toCsv(host.pack, 'tips'), 'text/csv')}>${host.t('exportTips')}</button>
      <button type="button" class="button" @click=${() => host.download('contacts.csv', toCsv(host.pack, 'contacts'), 'text/csv')}>${host.t('exportContacts')}</button>
    </div>
    <div class="field">
      <label for="import-csv">${host.t('importCsv')}</label>
      <input id="import-csv" type="file" accept=".csv,text/csv" @change=${(event: Event) => void readCsv(host, event.target as HTMLInputElement)}>
    </div>
    ${host.csvPlan ? planView(host, host.csvPlan) : nothing}
  </section>`;
}
