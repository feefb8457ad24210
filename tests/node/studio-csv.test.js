// The studio's spreadsheet import and export, on the default packs and on files as Excel and
// LibreOffice save them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importStudioModule } from './studio-import.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readPack = (lang) => JSON.parse(readFileSync(join(root, `packages/content/packs/${lang}.json`), 'utf8'));
const fixture = (name) => readFileSync(join(root, 'tests/fixtures/csv', name), 'utf8');

let csv;
before(async () => {
  csv = await importStudioModule('csv.js');
});

describe('studio CSV', () => {
  for (const lang of ['nl', 'en']) {
    it(`round trip of the default ${lang} pack's tips and contacts changes nothing`, () => {
      const pack = readPack(lang);
      for (const kind of ['tips', 'contacts']) {
        const before = JSON.stringify(pack[kind]);
        const file = csv.toCsv(pack, kind);
        assert.ok(file.startsWith('\ufeffid;'), 'a BOM and ; as Excel in Dutch settings expects');
        const plan = csv.planCsvImport(pack, file);
        assert.equal(plan.kind, kind);
        assert.deepEqual(plan.errors, []);
        assert.equal(plan.problem, undefined);
        assert.deepEqual([plan.added.length, plan.changed.length, plan.unchanged], [0, 0, pack[kind].length]);
        csv.applyCsvImport(pack, plan);
        assert.equal(JSON.stringify(pack[kind]), before);
      }
    });
  }

  it('imports into an empty pack what was exported from another, equal entry by entry', () => {
    const source = readPack('nl');
    const target = {
      schemaVersion: 1,
      id: 'leeg',
      locale: 'nl',
      title: 'Leeg',
      sources: source.sources,
      tags: source.tags,
      audiences: source.audiences,
      templates: source.templates,
      tips: [],
    };
    const plan = csv.planCsvImport(target, csv.toCsv(source, 'tips'));
    assert.deepEqual(plan.errors, []);
    csv.applyCsvImport(target, plan);
    assert.deepEqual(target.tips, source.tips);
  });

  it('carries audiences and templates as columns of ids, checked against the pack', () => {
    const pack = readPack('nl');
    const file = csv.toCsv(pack, 'tips');
    assert.match(file.split('\r\n')[0], /;audiences;templates$/);
    const tip = pack.tips.find((t) => t.templates?.length > 1);
    assert.ok(file.includes(`;${tip.audiences.join(', ')};${tip.templates.join(', ')}`), 'ids joined as tags are');
    const plan = csv.planCsvImport(pack, `id;title;audiences;templates\n${tip.id};${tip.title};school;\nnieuw;Nieuw;onbekend;geen-sjabloon\n`);
    assert.deepEqual(
      plan.changed.map((t) => [t.audiences, t.templates]),
      [[['school'], undefined]],
    );
    assert.deepEqual(plan.errors, [
      { row: 3, message: 'audiences[0]: unknown audience "onbekend"' },
      { row: 3, message: 'templates[0]: unknown template "geen-sjabloon"' },
    ]);
  });

  it('imports a LibreOffice file with ; and a BOM, and names each bad row', () => {
    const pack = { schemaVersion: 1, id: 'p', locale: 'nl', title: 'P', tips: [] };
    const plan = csv.planCsvImport(pack, fixture('libreoffice-tips.csv'));
    assert.equal(plan.kind, 'tips');
    assert.deepEqual(plan.added, [
      {
        id: 'bel-na-afloop',
        title: 'Bel na afloop',
        body: ['Een kort telefoontje.', 'Houdt afspraken levend.'],
        links: [{ label: 'Meer lezen', url: 'https://www.nji.nl/' }],
      },
    ]);
    assert.deepEqual(plan.errors, [
      { row: 3, message: 'id: is missing' },
      { row: 4, message: 'id: duplicate id "bel-na-afloop"' },
      { row: 5, message: 'links[0].url: is not an allowed URL (only https:, http:, mailto: and tel:)' },
    ]);
  });

  it('reads , separated contacts without a BOM, and plans a change to an existing one', () => {
    const pack = { schemaVersion: 1, id: 'p', locale: 'nl', title: 'P', tips: [], contacts: [{ id: 'sam', name: 'Sam', role: 'Jongerenwerker' }] };
    const plan = csv.planCsvImport(pack, 'id,name,email,languages\nsam,Sam de Wit,sam@example.org,"nl, en"\nlotte,Lotte,,\n');
    assert.equal(plan.kind, 'contacts');
    assert.deepEqual(plan.changed, [{ id: 'sam', name: 'Sam de Wit', role: 'Jongerenwerker', email: 'sam@example.org', languages: ['nl', 'en'] }]);
    assert.deepEqual(plan.added, [{ id: 'lotte', name: 'Lotte' }]);
  });

  it('says which columns a file lacks', () => {
    const plan = csv.planCsvImport({ schemaVersion: 1, id: 'p', locale: 'nl', title: 'P', tips: [] }, 'title;body\nA;B\n');
    assert.deepEqual(plan.problem, { missing: ['id'] });
  });
});
