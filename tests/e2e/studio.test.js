// The pack studio as a new user meets it, in real Chromium, with the keyboard only.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { axeViolations, blankPage, watchErrors, withDemoAndChromium } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'packages/content/bin/netwerkkracht.js');

/** The accessible name a keyboard user hears for the focused element (label, or button text). */
function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return label.replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element is called `name`; fails after 400 steps. */
async function tabTo(page, name, { back = false } = {}) {
  for (let i = 0; i < 400; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`no focusable element called "${name}" reached with the keyboard`);
}

/** Tabs to `name` and activates it with Enter. */
async function press(page, name, options) {
  await tabTo(page, name, options);
  await page.keyboard.press('Enter');
}

/**
 * In `view`, adds `more` to the shown entry's title, checks that its id stays `id` because something
 * refers to it, and types `renamed` as its id.
 */
async function renameUsed(page, view, more, id, renamed) {
  await press(page, view, { back: true });
  await tabTo(page, 'Titel');
  await page.keyboard.press('End');
  await page.keyboard.type(more);
  await tabTo(page, 'Id');
  assert.equal(await page.evaluate(() => document.activeElement.value), id, 'a referenced id stays');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(renamed);
}

/**
 * Runs in the page: the saved draft in the studio's own database (what a reload will find), or,
 * given `expected`, whether the saved pack has that title, number of tips and paragraphs in the last.
 */
const readDraft = (expected) =>
  new Promise((resolve) => {
    const answer = (draft) => {
      if (!expected) return resolve(draft);
      const pack = draft?.pack;
      resolve(!!pack && pack.title === expected.title && pack.tips.length === expected.tips && (pack.tips.at(-1)?.body.length ?? 0) === expected.paragraphs);
    };
    const open = indexedDB.open('netwerkkracht-studio');
    open.onerror = () => answer(undefined);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('drafts')) return (db.close(), answer(undefined));
      const get = db.transaction('drafts').objectStore('drafts').get('draft');
      get.onsuccess = () => (db.close(), answer(get.result));
      get.onerror = () => (db.close(), answer(undefined));
    };
  });

const storedDraft = (page) => page.evaluate(readDraft, null);

/** Waits until the saved draft has `title`, `tips` tips and `paragraphs` paragraphs in the last tip. */
function draftSaved(page, { title, tips = 0, paragraphs = 0 }) {
  return page.waitForFunction(readDraft, { title, tips, paragraphs }, { polling: 100 });
}

describe('pack studio', () => {
  const running = withDemoAndChromium();

  it('takes a new user from an empty pack to a published one, keyboard only', async () => {
    const context = await running.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/studio`);
    await page.getByRole('heading', { name: 'Beginnen' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'empty state');

    await press(page, 'Nieuw, leeg pakket');
    assert.equal(await focusedName(page), 'Titel', 'focus goes to the title of the new pack');
    await page.keyboard.type('Netwerk Oost');
    await tabTo(page, 'Id');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'netwerk-oost', 'id suggested from the title');

    // Two tips.
    await press(page, 'Tips', { back: true });
    for (const [title, body] of [
      // Text that would end a script block, or open a comment in it, if it were pasted as is.
      ['Bel na het overleg', 'Een kort telefoontje houdt afspraken levend. </script><!-- echt'],
      ['Zet risico’s op de agenda', 'Vraag elke keer wat er mis kan gaan.\n\nEn wie daar iets aan doet.'],
    ]) {
      await press(page, 'Tip toevoegen', { back: true });
      assert.equal(await focusedName(page), 'Titel');
      await page.keyboard.type(title);
      await tabTo(page, 'Tekst (een lege regel begint een nieuwe alinea)');
      await page.keyboard.type(body);
    }
    await page.locator('nk-studio-preview nk-tip-card').getByText('Zet risico’s op de agenda').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'editing state');

    // Reload half-way: the draft is back.
    await draftSaved(page, { title: 'Netwerk Oost', tips: 2, paragraphs: 2 });
    const saved = (await storedDraft(page)).pack;
    assert.deepEqual(
      saved.tips.map((tip) => tip.id),
      ['bel-na-het-overleg', 'zet-risico-s-op-de-agenda'],
    );
    await page.reload();
    await page
      .getByRole('status')
      .getByText(/Je concept van .* is teruggezet/)
      .waitFor();
    assert.equal(await page.locator('#f-title').inputValue(), 'Netwerk Oost');
    await page.keyboard.press('Tab');

    // A checklist of three steps, each linked to a tip by choosing it.
    await press(page, 'Checklists');
    await press(page, 'Checklist toevoegen');
    await page.keyboard.type('Na de bijeenkomst');
    const steps = [
      ['Bel de deelnemers', 1],
      ['Zet de risico’s in het verslag', 2],
      ['Plan het volgende overleg', 1],
    ];
    for (const [n, [text, tip]] of steps.entries()) {
      await press(page, 'Stap toevoegen');
      assert.equal(await focusedName(page), `Stap ${n + 1}`);
      await page.keyboard.type(text);
      await tabTo(page, `Tip bij stap ${n + 1}`);
      for (let k = 0; k < tip; k++) await page.keyboard.press('ArrowDown');
    }
    // Step 3 up one place, with the keyboard; focus stays on its button.
    await press(page, 'Stap 3 omhoog', { back: true });
    await page.getByRole('status').getByText('Stap staat nu op plaats 2.').waitFor();
    assert.equal(await focusedName(page), 'Stap 2 omhoog');
    assert.deepEqual(await page.locator('.items input[id$="-text"]').evaluateAll((inputs) => inputs.map((i) => i.value)), [
      'Bel de deelnemers',
      'Plan het volgende overleg',
      'Zet de risico’s in het verslag',
    ]);

    // A contact, first with a mistake: the error state.
    await press(page, 'Contacten', { back: true });
    await press(page, 'Contact toevoegen');
    await page.keyboard.type('Sam de Wit');
    await tabTo(page, 'E-mail (optioneel)');
    await page.keyboard.type('sam@');
    const email = page.locator('#f-contacts-0-email');
    await page.locator('#f-contacts-0-email-problem').getByText('contacts[0].email: is not an e-mail address').waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.match(await email.getAttribute('aria-describedby'), /f-contacts-0-email-problem/);
    const summary = page.getByRole('region', { name: '1 probleem' });
    await summary.getByRole('link', { name: 'contacts[0].email: is not an e-mail address' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'error state');
    // Publishing waits; the reason is given.
    await press(page, 'Publiceren', { back: true });
    assert.equal(await page.locator('#download-pack').isDisabled(), true);
    await page.getByText('Publiceren kan pas als alles hierboven is opgelost (1 probleem)').waitFor();
    // The summary's link brings the user back to the field.
    await press(page, 'contacts[0].email: is not an e-mail address');
    assert.equal(await focusedName(page), 'E-mail (optioneel)');
    await page.keyboard.type('voorbeeld.nl');
    await page.getByRole('region', { name: 'Geen problemen gevonden.' }).waitFor();

    // A used id stays when its title changes; renaming it renames the checklist's references.
    await renameUsed(page, 'Tips', ' op tijd', 'bel-na-het-overleg', 'bellen-na-overleg');

    // The preview in dark.
    await tabTo(page, 'Licht');
    await page.keyboard.press('ArrowRight');
    await page.locator('nk-studio-preview nk-tip-card[theme="dark"]').waitFor();

    // Download pack.json; the CLI accepts it.
    await press(page, 'Publiceren', { back: true });
    await tabTo(page, 'pack.json downloaden');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'pack.json');
    const file = join(mkdtempSync(join(tmpdir(), 'nk-studio-')), 'pack.json');
    await download.saveAs(file);
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    assert.match(pack.$schema, /content-pack\.schema\.json$/);
    assert.deepEqual(
      pack.checklists[0].items.map((item) => item.tip),
      ['bellen-na-overleg', 'bellen-na-overleg', 'zet-risico-s-op-de-agenda'],
    );
    assert.equal(pack.tips[0].title, 'Bel na het overleg op tijd');
    assert.equal(pack.contacts[0].email, 'sam@voorbeeld.nl');
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'validate', file]);
    assert.match(stdout, /pack\.json/);

    // The inline snippet, with the script from this site, on a blank page with a strict CSP.
    await tabTo(page, 'Adres van het script');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${running.demo.origin}/netwerkkracht/netwerkkracht.js`);
    const snippet = await page.locator('#inline-snippet').inputValue();
    assert.match(snippet, /<script type="application\/json" id="netwerk-oost-pack">/);
    assert.ok(snippet.includes('levend. \\u003c/script>\\u003c!-- echt'), 'no < left in the JSON');
    assert.equal((snippet.match(/<\/script>/g) ?? []).length, 2, 'only the two blocks end');
    const blank = await blankPage(running.browser, running.demo.origin, snippet);
    await blank.page.locator('nk-tip-deck').getByText('Zet risico’s op de agenda').waitFor();
    await blank.page.locator('nk-network-checklist').getByText('Plan het volgende overleg').waitFor();
    await blank.page.locator('nk-contact-card').getByText('Sam de Wit').first().waitFor();
    await blank.page.locator('nk-tip-deck').getByText('Bel na het overleg op tijd').first().waitFor();
    assert.deepEqual(blank.errors, []);
    await blank.page.close();

    // The studio in English: the interface changes, the pack does not.
    await tabTo(page, 'Taal van de studio', { back: true });
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: 'Pack studio' }).waitFor();
    assert.equal(await page.locator('nk-studio').getAttribute('lang'), 'en');
    assert.deepEqual(await axeViolations(page), [], 'English interface');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('adds an audience and a template and links them from a tip and a step, keyboard only', async () => {
    const context = await running.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/studio`);
    await press(page, 'Nieuw, leeg pakket');
    await page.keyboard.type('Wijkteam Zuid');

    // An audience, in the pack view beside the topics.
    await press(page, 'Doelgroep toevoegen');
    assert.equal(await focusedName(page), 'Naam', 'focus goes to the new audience');
    await page.keyboard.type('Jongerenwerk');

    // A template: an invitation has a subject; a stray "[" is shown next to the text.
    await press(page, 'Sjablonen', { back: true });
    await press(page, 'Sjabloon toevoegen');
    assert.equal(await focusedName(page), 'Titel');
    await page.keyboard.type('Uitnodiging voor het overleg');
    await tabTo(page, 'Soort');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Onderwerpregel (optioneel)');
    await page.keyboard.type('Overleg op [datum]');
    await tabTo(page, 'Tekst van het sjabloon');
    assert.match(await page.locator('#f-templates-0-text-hint').textContent(), /\[datum\]/, 'the hint explains the markers');
    await page.keyboard.type('Beste [naam],\n\nWe zien je op [datum');
    const textArea = page.locator('#f-templates-0-text');
    await page
      .locator('#f-templates-0-text-problem')
      .getByText('templates[0].text: has a "[" or "]" that does not mark a place to fill in (write them as [like this])')
      .waitFor();
    assert.equal(await textArea.getAttribute('aria-invalid'), 'true');
    assert.match(await textArea.getAttribute('aria-describedby'), /f-templates-0-text-problem/);
    assert.deepEqual(await axeViolations(page), [], 'a template with a problem');
    await page.keyboard.type('] om [tijd].');
    await page.getByRole('region', { name: 'Geen problemen gevonden.' }).waitFor();

    // A tip for that audience, with that template; the preview's card offers the template.
    await press(page, 'Tips', { back: true });
    await press(page, 'Tip toevoegen');
    await page.keyboard.type('Nodig het wijkteam uit');
    await tabTo(page, 'Jongerenwerk');
    await page.keyboard.press('Space');
    await tabTo(page, 'Uitnodiging voor het overleg');
    await page.keyboard.press('Space');
    await page.locator('nk-studio-preview nk-tip-card').getByRole('button', { name: 'Uitnodiging kopiëren: Uitnodiging voor het overleg' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'a tip with audiences and templates');

    // A step with the template, chosen from a select.
    await press(page, 'Checklists', { back: true });
    await press(page, 'Checklist toevoegen');
    await page.keyboard.type('Voor het overleg');
    await press(page, 'Stap toevoegen');
    await page.keyboard.type('Stuur de uitnodiging');
    await tabTo(page, 'Sjabloon bij stap 1');
    await page.keyboard.press('ArrowDown');

    // The template is in use, so its id stays when the title changes; a new id follows everywhere.
    await renameUsed(page, 'Sjablonen', ' van maart', 'uitnodiging-voor-het-overleg', 'uitnodiging');
    await page.getByRole('region', { name: 'Geen problemen gevonden.' }).waitFor();

    await press(page, 'Publiceren', { back: true });
    await tabTo(page, 'pack.json downloaden');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = join(mkdtempSync(join(tmpdir(), 'nk-studio-')), 'pack.json');
    await download.saveAs(file);
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(pack.audiences, [{ id: 'jongerenwerk', label: 'Jongerenwerk' }]);
    assert.deepEqual(pack.templates, [
      {
        id: 'uitnodiging',
        title: 'Uitnodiging voor het overleg van maart',
        kind: 'invitation',
        text: 'Beste [naam],\n\nWe zien je op [datum] om [tijd].',
        subject: 'Overleg op [datum]',
      },
    ]);
    assert.deepEqual(pack.tips[0].audiences, ['jongerenwerk']);
    assert.deepEqual(pack.tips[0].templates, ['uitnodiging']);
    assert.equal(pack.checklists[0].items[0].template, 'uitnodiging');
    await promisify(execFile)(process.execPath, [CLI, 'validate', file]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('opens the default pack and exports it unchanged, templates and audiences included', async () => {
    const { $schema: _schema, ...NL } = JSON.parse(readFileSync(join(root, 'packages/content/packs/nl.json'), 'utf8'));
    const page = await running.browser.newPage({ acceptDownloads: true });
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/studio`);
    await page.getByRole('button', { name: 'Standaardpakket openen (Nederlands)' }).click();
    await page.locator('#f-title').waitFor();
    // A tip with templates and audiences shows them checked, and its card in the preview offers them.
    const t = NL.tips.findIndex((tip) => tip.templates?.length && tip.audiences?.length);
    const tip = NL.tips[t];
    await page.locator('#view-tips').click();
    await page.locator(`#entry-tips-${t}`).click();
    const audience = NL.audiences.findIndex((a) => a.id === tip.audiences[0]);
    assert.equal(await page.locator(`#f-tips-${t}-audiences-${audience}`).isChecked(), true);
    const template = NL.templates.find((candidate) => candidate.id === tip.templates[0]);
    await page.locator('nk-studio-preview nk-tip-card').getByText(template.title, { exact: true }).waitFor();
    // A step's template is selected.
    const c = NL.checklists.findIndex((list) => list.items.some((item) => item.template));
    const n = NL.checklists[c].items.findIndex((item) => item.template);
    await page.locator('#view-checklists').click();
    await page.locator(`#entry-checklists-${c}`).click();
    assert.equal(await page.locator(`#f-checklists-${c}-items-${n}-template`).inputValue(), NL.checklists[c].items[n].template);
    // Every view drawn once; none of them may change what it shows.
    for (const view of ['templates', 'contacts', 'contexts', 'csv', 'translate', 'pack']) await page.locator(`#view-${view}`).click();
    assert.equal(await page.locator('#f-templates-0-title').count(), 0);
    await page.locator('#view-templates').click();
    assert.equal(await page.locator('#f-templates-0-title').inputValue(), NL.templates[0].title);
    assert.deepEqual(await axeViolations(page), [], 'templates view');
    await page.locator('#view-publish').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'pack.json downloaden' }).click()]);
    const { $schema, ...exported } = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.match($schema, /content-pack\.schema\.json$/);
    assert.deepEqual(exported, NL);
    const snippet = await page.locator('#inline-snippet').inputValue();
    const block = /<script type="application\/json" id="netwerkkracht-pack">\n([\s\S]*?)\n<\/script>/.exec(snippet);
    assert.deepEqual(JSON.parse(block[1]), NL);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("translates: the other language's pack beside this one, what is missing listed and added", async () => {
    const EN = JSON.parse(readFileSync(join(root, 'packages/content/packs/en.json'), 'utf8'));
    const page = await running.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/studio`);
    await press(page, 'Nieuw, leeg pakket');
    await page.keyboard.type('Netwerkkracht');
    await press(page, 'Vertalen', { back: true });
    await press(page, 'Standaardpakket (en) ernaast');
    const here = page.getByRole('region', { name: 'Ontbreekt in dit pakket (nl)' });
    await here.getByRole('button', { name: `${EN.tips[0].title} toevoegen` }).waitFor();
    assert.equal(await here.getByRole('heading', { name: `Tips (${EN.tips.length})` }).count(), 1);
    assert.equal(await here.getByRole('heading', { name: `Sjablonen (${EN.templates.length})` }).count(), 1, 'templates are listed');
    assert.equal(await here.getByRole('heading', { name: `Doelgroepen (${EN.audiences.length})` }).count(), 1, 'audiences are listed');
    assert.deepEqual(await axeViolations(page), [], 'translating state');
    await press(page, `${EN.tips[0].title} toevoegen`, { back: true });
    await page.getByRole('status').getByText(`Toegevoegd: ${EN.tips[0].id}.`).waitFor();
    await here.getByRole('heading', { name: `Tips (${EN.tips.length - 1})` }).waitFor();
    await press(page, 'Tips', { back: true });
    await page.locator('#f-tips-0-title').waitFor();
    assert.equal(await page.locator('#f-tips-0-title').inputValue(), EN.tips[0].title, 'the English text as a start');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('exports tips as CSV, reads the file back unchanged, and imports a LibreOffice file', async () => {
    const NL = JSON.parse(readFileSync(join(root, 'packages/content/packs/nl.json'), 'utf8'));
    const page = await running.browser.newPage({ acceptDownloads: true });
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/studio`);
    await press(page, 'Standaardpakket openen (Nederlands)');
    await page.locator('#f-title').waitFor();
    await press(page, 'Spreadsheet', { back: true });
    await tabTo(page, 'Tips als CSV');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'tips.csv');
    const exported = readFileSync(await download.path());
    const input = page.locator('#import-csv');
    await input.setInputFiles({ name: 'tips.csv', mimeType: 'text/csv', buffer: exported });
    await page.getByText(`Wat de import doet: 0 nieuw, 0 gewijzigd, ${NL.tips.length} ongewijzigd.`).waitFor();
    await input.setInputFiles(join(root, 'tests/fixtures/csv/libreoffice-tips.csv'));
    await page.getByText(`Wat de import doet: 1 nieuw, 0 gewijzigd, 0 ongewijzigd.`).waitFor();
    await page.getByText('Rij 4: id: duplicate id "bel-na-afloop"').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'import preview');
    await press(page, 'Import uitvoeren');
    await page.getByRole('status').getByText('Import uitgevoerd.').waitFor();
    await press(page, 'Tips', { back: true });
    await page.getByRole('button', { name: 'Bel na afloop' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('edits sources, topics, links and contexts into a pack the CLI accepts', async () => {
    const page = await running.browser.newPage({ acceptDownloads: true });
    await page.goto(`${running.demo.origin}/studio`);
    await page.getByRole('button', { name: 'Nieuw, leeg pakket' }).click();
    await page.getByLabel('Titel', { exact: true }).fill('Wijkteam Noord');
    // Without topics of its own, a pack may use any; the tip's topic is checked once there are some.
    await page.locator('#view-tips').click();
    await page.getByRole('button', { name: 'Tip toevoegen' }).click();
    await page.locator('#f-tips-0-title').fill('Kort overleg');
    await page.locator('#f-tips-0-tags').fill('overleg, onbekend');
    await page.getByRole('region', { name: 'Geen problemen gevonden.' }).waitFor();
    await page.locator('#view-pack').click();
    await page.getByRole('button', { name: 'Bron toevoegen' }).click();
    await page.locator('#f-sources-0-organisation').fill('Nederlands Jeugdinstituut');
    await page.locator('#f-sources-0-url').fill('https://www.nji.nl/');
    await page.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
    await page.locator('#f-tags-0-label').fill('Overleg');
    await page.locator('#view-tips').click();
    await page.locator('#f-tips-0-tags-problem').getByText('tips[0].tags[1]: unknown tag "onbekend"').waitFor();
    await page.locator('#f-tips-0-tags').fill('overleg');
    await page.locator('#f-tips-0-source').selectOption('nederlands-jeugdinstituut');
    await page.getByRole('button', { name: 'Link toevoegen' }).click();
    await page.locator('#f-tips-0-links-0-label').fill('Meer lezen');
    await page.locator('#f-tips-0-links-0-url').fill('javascript:alert(1)');
    await page
      .locator('#f-tips-0-links-0-url-problem')
      .getByText('tips[0].links[0].url: is not an allowed URL (only https:, http:, mailto: and tel:)')
      .waitFor();
    await page.locator('#f-tips-0-links-0-url').fill('https://www.nji.nl/');
    await page.locator('#view-contexts').click();
    await page.getByRole('button', { name: 'Context toevoegen' }).click();
    await page.locator('#f-contexts-0-label').fill('Agenda');
    await page.locator('#f-contexts-0-hosts').fill('outlook.office.com\ncalendar.google.com');
    await page.locator('#f-contexts-0-paths').fill('/calendar');
    await page.locator('#f-contexts-0-tags').fill('overleg');
    await page.getByRole('region', { name: 'Geen problemen gevonden.' }).waitFor();
    await page.locator('#view-publish').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'pack.json downloaden' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'nk-studio-')), 'pack.json');
    await download.saveAs(file);
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(pack.sources, [{ id: 'nederlands-jeugdinstituut', organisation: 'Nederlands Jeugdinstituut', url: 'https://www.nji.nl/' }]);
    assert.deepEqual(pack.tips, [
      {
        id: 'kort-overleg',
        title: 'Kort overleg',
        body: [],
        tags: ['overleg'],
        source: 'nederlands-jeugdinstituut',
        links: [{ label: 'Meer lezen', url: 'https://www.nji.nl/' }],
      },
    ]);
    assert.deepEqual(pack.contexts, [
      { id: 'agenda', hosts: ['outlook.office.com', 'calendar.google.com'], tags: ['overleg'], label: 'Agenda', paths: ['/calendar'] },
    ]);
    await promisify(execFile)(process.execPath, [CLI, 'validate', file]);
    await page.close();
  });

  it('opens a pack from an address, and one dropped on the page that an editor saved with a BOM', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.origin}/studio`);
    await tabTo(page, 'Pakket van een adres (https://…)');
    await page.keyboard.type(`${running.demo.origin}/netwerkkracht/packs/en.json`);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#f-title').inputValue(), JSON.parse(readFileSync(join(root, 'packages/content/packs/en.json'), 'utf8')).title);
    await press(page, 'Ander pakket openen', { back: true });
    const dropped = { schemaVersion: 1, id: 'gesleept', locale: 'nl', title: 'Gesleept pakket', tips: [] };
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([`\ufeff${text}`], 'gesleept.json', { type: 'application/json' }));
      return data;
    }, JSON.stringify(dropped));
    await page.locator('.drop').dispatchEvent('drop', { dataTransfer: transfer });
    await press(page, 'Vervangen');
    await page.locator('#f-title').waitFor();
    assert.equal(await page.locator('#f-title').inputValue(), 'Gesleept pakket');
    await page.close();
  });

  it('works as the built folder alone (packages/studio/dist/index.html), as an organisation hosts it', async () => {
    const page = await running.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/studio/`);
    await press(page, 'Standaardpakket openen (English)');
    assert.equal(await page.locator('#f-title').inputValue(), JSON.parse(readFileSync(join(root, 'packages/content/packs/en.json'), 'utf8')).title);
    await page.locator('nk-studio-preview nk-tip-deck').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('asks before it discards the draft', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.origin}/studio`);
    await press(page, 'Nieuw, leeg pakket');
    await page.keyboard.type('Weg ermee');
    await draftSaved(page, { title: 'Weg ermee' });
    await press(page, 'Concept weggooien', { back: true });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Het concept weggooien?').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#f-title').inputValue(), 'Weg ermee', 'Escape keeps the draft');
    await press(page, 'Concept weggooien');
    // Tab only once the dialog is open: a Tab pressed while it opens may land outside it.
    await dialog.getByText('Het concept weggooien?').waitFor();
    await press(page, 'Weggooien');
    await page.getByRole('heading', { name: 'Beginnen' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Beginnen' }).waitFor();
    assert.equal(await storedDraft(page), undefined);
    await page.close();
  });

  it('waits for the answer to a question asked again at once', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.origin}/studio`);
    await press(page, 'Nieuw, leeg pakket');
    await page.keyboard.type('Nog even');
    await press(page, 'Concept weggooien', { back: true });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Het concept weggooien?').waitFor();
    // Closed and asked again in one go: the first close event arrives after the second question.
    await page.evaluate(() => {
      document.querySelector('nk-studio dialog').close();
      document.getElementById('discard-draft').click();
    });
    await dialog.getByText('Het concept weggooien?').waitFor();
    await press(page, 'Weggooien');
    await page.getByRole('heading', { name: 'Beginnen' }).waitFor();
    await page.close();
  });

  it('says so and offers a download when IndexedDB fails', async () => {
    const page = await running.browser.newPage({ acceptDownloads: true });
    // A database of the studio's name without its object store: every read and write fails.
    await page.goto(`${running.demo.origin}/gallery`);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('netwerkkracht-studio', 5);
          open.onsuccess = () => (open.result.close(), resolve());
          open.onerror = () => reject(open.error);
        }),
    );
    await page.goto(`${running.demo.origin}/studio`);
    await page
      .getByRole('alert')
      .getByText(/Je concept kan in deze browser niet bewaard worden/)
      .waitFor();
    await press(page, 'Nieuw, leeg pakket');
    await page.keyboard.type('Alleen hier');
    await tabTo(page, 'Concept downloaden', { back: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = join(mkdtempSync(join(tmpdir(), 'nk-studio-')), 'draft.json');
    await download.saveAs(file);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).title, 'Alleen hier');
    await page.close();
  });

  it('refuses what is not a pack, and keeps the draft', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.origin}/studio`);
    await press(page, 'Nieuw, leeg pakket');
    await page.keyboard.type('Mijn werk');
    await press(page, 'Ander pakket openen', { back: true });
    const input = page.locator('#open-file');
    for (const [name, body, message] of [
      ['kapot.json', '{ "tips": [', /Dit is geen JSON-bestand/],
      ['lijst.json', '[1, 2]', /Dit is geen inhoudspakket/],
      ['nieuw.json', '{ "schemaVersion": 9, "tips": [] }', /nieuwere versie \(9\)/],
      ['groot.json', `"${'x'.repeat(3 * 1024 * 1024)}"`, /te groot \(3\.0 MB\)/],
    ]) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
      await page.getByRole('alert').getByText(message).waitFor();
    }
    await press(page, 'Terug naar mijn concept');
    assert.equal(await page.locator('#f-title').inputValue(), 'Mijn werk');
    // A pack with duplicate ids opens, with its problems shown, after the user agrees to replace.
    await press(page, 'Ander pakket openen', { back: true });
    const duplicate = {
      schemaVersion: 1,
      id: 'dubbel',
      locale: 'nl',
      title: 'Dubbel',
      tips: [
        { id: 'a', title: 'A', body: [] },
        { id: 'a', title: 'B', body: [] },
      ],
    };
    await input.setInputFiles({ name: 'dubbel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(duplicate)) });
    await page.getByRole('dialog').getByText('Je concept vervangen door het andere pakket?').waitFor();
    await press(page, 'Vervangen');
    await page.getByRole('region', { name: '1 probleem' }).getByRole('link', { name: 'tips[1].id: duplicate id "a"' }).waitFor();
    await page.close();
  });
});
