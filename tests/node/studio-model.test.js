// The studio's pack operations: ids from titles, renames that carry references, and the inline
// snippet's JSON that no text can break out of.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importStudioModule } from './studio-import.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let model;
before(async () => {
  model = await importStudioModule('model.js');
});

describe('studio ids', () => {
  it('suggests lowercase slugs from titles, without accents, cut at a hyphen', () => {
    assert.equal(model.slugify('Zet risico’s op de agenda!'), 'zet-risico-s-op-de-agenda');
    assert.equal(model.slugify('Café Één  Overleg'), 'cafe-een-overleg');
    const long = model.slugify('Een heel lange titel die maar doorgaat over wat je allemaal kunt doen na een overleg');
    assert.ok(long.length <= 60 && !long.endsWith('-'), long);
    assert.equal(long, 'een-heel-lange-titel-die-maar-doorgaat-over-wat-je-allemaal');
  });

  it('makes an id unique in its list, leaving the entry itself out', () => {
    const list = [{ id: 'overleg' }, { id: 'overleg-2' }];
    assert.equal(model.uniqueId('overleg', list), 'overleg-3');
    assert.equal(model.uniqueId('overleg', list, list[0]), 'overleg');
    assert.equal(model.uniqueId('', []), 'item');
  });

  it('renames sources, tags and tips in every reference, and never merges two entries', () => {
    const pack = {
      sources: [{ id: 'nji' }],
      tags: [{ id: 'overleg' }, { id: 'wijk' }],
      tips: [{ id: 'bel', source: 'nji', tags: ['overleg', 'wijk'] }, { id: 'plan' }],
      checklists: [
        {
          items: [
            { id: 'a', tip: 'bel' },
            { id: 'b', tip: 'plan' },
          ],
        },
      ],
      contexts: [{ tags: ['overleg'] }],
    };
    model.renameReferences(pack, 'sources', 'nji', 'jeugdinstituut');
    model.renameReferences(pack, 'tags', 'overleg', 'samen');
    model.renameReferences(pack, 'tips', 'bel', 'bellen');
    assert.equal(pack.tips[0].source, 'jeugdinstituut');
    assert.deepEqual(pack.tips[0].tags, ['samen', 'wijk']);
    assert.deepEqual(pack.contexts[0].tags, ['samen']);
    assert.deepEqual(
      pack.checklists[0].items.map((item) => item.tip),
      ['bellen', 'plan'],
    );
    // "plan" is taken: renaming the first tip's references to it would join the two.
    model.renameReferences(pack, 'tips', 'bellen', 'plan');
    assert.deepEqual(
      pack.checklists[0].items.map((item) => item.tip),
      ['bellen', 'plan'],
    );
    assert.equal(model.isReferenced(pack, 'tips', 'plan'), true);
    assert.equal(model.isReferenced(pack, 'sources', 'nji'), false);
  });

  it('renames templates and audiences in tips and checklist items, and sources in templates', () => {
    const pack = {
      sources: [{ id: 'nji' }],
      audiences: [{ id: 'school' }, { id: 'wijkteam' }],
      templates: [{ id: 'agenda', source: 'nji' }, { id: 'mail' }],
      tips: [
        { id: 'bel', audiences: ['school', 'wijkteam'], templates: ['mail', 'agenda'] },
        { id: 'plan', source: 'nji' },
      ],
      checklists: [
        {
          items: [
            { id: 'a', template: 'agenda' },
            { id: 'b', tip: 'bel' },
            { id: 'c', template: 'mail' },
          ],
        },
      ],
    };
    assert.equal(model.isReferenced(pack, 'templates', 'agenda'), true);
    assert.equal(model.isReferenced(pack, 'audiences', 'wijkteam'), true);
    model.renameReferences(pack, 'templates', 'agenda', 'agenda-overleg');
    model.renameReferences(pack, 'audiences', 'school', 'onderwijs');
    model.renameReferences(pack, 'sources', 'nji', 'jeugdinstituut');
    assert.deepEqual(pack.tips[0].templates, ['mail', 'agenda-overleg']);
    assert.deepEqual(
      pack.checklists[0].items.map((item) => item.template),
      ['agenda-overleg', undefined, 'mail'],
    );
    assert.deepEqual(pack.tips[0].audiences, ['onderwijs', 'wijkteam']);
    assert.equal(pack.templates[0].source, 'jeugdinstituut');
    assert.equal(pack.tips[1].source, 'jeugdinstituut');
    assert.deepEqual(Object.keys(pack.checklists[0].items[1]), ['id', 'tip'], 'an item without a template gets none');
    assert.equal(pack.tips[1].templates, undefined, 'a tip without templates gets none');
    // "mail" is taken: the two templates are never joined, nor the two audiences.
    model.renameReferences(pack, 'templates', 'agenda-overleg', 'mail');
    model.renameReferences(pack, 'audiences', 'onderwijs', 'wijkteam');
    assert.deepEqual(pack.tips[0].templates, ['mail', 'agenda-overleg']);
    assert.deepEqual(pack.tips[0].audiences, ['onderwijs', 'wijkteam']);
    assert.equal(model.isReferenced(pack, 'templates', 'agenda'), false);
    assert.equal(model.isReferenced(pack, 'audiences', 'school'), false);
  });
});

describe('studio export of the default packs', () => {
  for (const lang of ['nl', 'en']) {
    it(`keeps everything of the ${lang} pack, templates and audiences too, in pack.json and the snippet`, () => {
      const original = JSON.parse(readFileSync(join(root, `packages/content/packs/${lang}.json`), 'utf8'));
      assert.ok(original.templates.length >= 4 && original.audiences.length >= 6, 'the pack has templates and audiences to keep');
      const { $schema: _schema, ...expected } = original;
      const { $schema, ...file } = JSON.parse(model.packFile(structuredClone(original)));
      assert.match($schema, /content-pack\.schema\.json$/);
      assert.deepEqual(file, expected);
      const snippet = model.inlineSnippet(structuredClone(original), 'https://cdn.example/netwerkkracht.js');
      const block = /<script type="application\/json" id="[^"]+">\n([\s\S]*?)\n<\/script>/.exec(snippet);
      assert.deepEqual(JSON.parse(block[1]), original);
    });
  }
});

describe('studio inline snippet', () => {
  const pack = {
    schemaVersion: 1,
    id: 'oost',
    locale: 'nl',
    title: 'Oost </script><script>alert(1)</script> <!-- x',
    tips: [{ id: 't', title: 'T', body: [] }],
    checklists: [{ id: 'c', title: 'C', items: [] }],
  };

  it('writes JSON with no < in it, which reads back as the same pack', () => {
    const json = model.scriptSafeJson(pack);
    assert.ok(!json.includes('<'));
    assert.deepEqual(JSON.parse(json), pack);
  });

  it('gives the JSON block an id and points the elements at it', () => {
    const snippet = model.inlineSnippet(pack, 'https://cdn.example/netwerkkracht.js');
    assert.match(snippet, /^<script type="application\/json" id="oost-pack">\n\{/);
    assert.equal((snippet.match(/<\/script>/g) ?? []).length, 2);
    assert.match(snippet, /\n<script type="module" blocking="render" src="https:\/\/cdn\.example\/netwerkkracht\.js"><\/script>\n/);
    assert.match(snippet, /<nk-tip-deck pack="#oost-pack" lang="nl"><\/nk-tip-deck>/);
    assert.match(snippet, /<nk-network-checklist pack="#oost-pack" checklist="c" lang="nl">/);
    assert.doesNotMatch(snippet, /nk-contact-card/, 'no contact, no contact card');
  });

  it('exports pack.json with $schema first', () => {
    const file = JSON.parse(model.packFile({ ...pack, $schema: './old.json' }));
    assert.equal(Object.keys(file)[0], '$schema');
    assert.match(file.$schema, /^https:\/\/.*content-pack\.schema\.json$/);
  });
});
