// The validator against the published JSON Schema (what editors check with), and the problem
// count where a refused pack is reported by loadPack.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { loadPack, PackLoadError, validatePack } from '@netwerkkracht/core';

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const schema = read('packages/content/packs/content-pack.schema.json');
const base = read('packages/content/packs/en.json');

/** A copy of the English pack with `change` applied. */
const packWith = (change) => {
  const pack = structuredClone(base);
  change(pack);
  return pack;
};
const link = (url) => (p) => (p.tips[0].links = [{ label: 'x', url }]);
const contact = (field, value) => (p) => (p.contacts[0][field] = value);
const template = (field, value) => (p) => (p.templates[0][field] = value);

// [what, change, valid?]. No cross references: JSON Schema cannot express them.
const cases = [
  ['the pack as it is', () => {}, true],
  ['an unknown extra field', (p) => (p['x-note'] = 1), true],
  ['link https: in capitals', link('HTTPS://example.org/a'), true],
  ['link http:', link('http://example.org'), true],
  ['link mailto:', link('mailto:a@example.org?subject=Hoi'), true],
  ['link tel:', link('tel:+31201234567'), true],
  ['link with a leading space', link(' https://example.org'), true],
  ['link javascript:', link('javascript:alert(1)'), false],
  ['link javascript: after a space', link(' javascript:alert(1)'), false],
  ['link JaVaScRiPt:', link('JaVaScRiPt:alert(1)'), false],
  ['link java<tab>script:', link('java\tscript:alert(1)'), false],
  ['link data:', link('data:text/html,<script>'), false],
  ['link vbscript:', link('vbscript:x'), false],
  ['link file:', link('file:///etc/passwd'), false],
  ['link without a scheme', link('//evil.example'), false],
  ['link https: without a host', link('https://'), false],
  ['link that is not a URL', link('not a url'), false],
  ['link mailto: with an encoded line break', link('mailto:a@b.nl%0Abcc:x@y.nl'), false],
  ['source url javascript:', (p) => (p.sources[0].url = 'javascript:alert(1)'), false],
  ['locale en-GB', (p) => (p.locale = 'en-GB'), true],
  ['locale zh-Hant-TW', (p) => (p.locale = 'zh-Hant-TW'), true],
  ['locale es-419', (p) => (p.locale = 'es-419'), true],
  ['locale ""', (p) => (p.locale = ''), false],
  ['locale "dutch language"', (p) => (p.locale = 'dutch language'), false],
  ['locale nl_NL', (p) => (p.locale = 'nl_NL'), false],
  ['languages nl, fy-NL', contact('languages', ['nl', 'fy-NL']), true],
  ['languages [""]', contact('languages', ['']), false],
  ['phone with brackets and hyphens', contact('phone', '+31 (20) 123-4567'), true],
  ['phone "(((( ))))"', contact('phone', '(((( ))))'), false],
  ['phone with 5 digits', contact('phone', '12 345'), false],
  ['phone with letters', contact('phone', '+31 20 CALL NOW'), false],
  ['photo https:', contact('photo', 'https://example.org/a.jpg'), true],
  ['photo HTTPS: in capitals', contact('photo', 'HTTPS://example.org/a.jpg'), true],
  ['photo mailto:', contact('photo', 'mailto:a@b.c'), false],
  ['photo tel:', contact('photo', 'tel:+31201234567'), false],
  ['photo javascript:', contact('photo', 'javascript:alert(1)'), false],
  ['e-mail with a line break', contact('email', 'a@example.org\nBcc: x@y.nl'), false],
  ['title of 300 emoji', (p) => (p.tips[0].title = '😀'.repeat(300)), true],
  ['title of 301 emoji', (p) => (p.tips[0].title = '😀'.repeat(301)), false],
  ['title of 301 letters', (p) => (p.tips[0].title = 'x'.repeat(301)), false],
  ['empty title', (p) => (p.tips[0].title = ''), false],
  ['id that is not a slug', (p) => (p.tips[0].id = 'Not A Slug'), false],
  ['missing tip id', (p) => delete p.tips[0].id, false],
  ['missing tips', (p) => delete p.tips, false],
  ['schemaVersion 2', (p) => (p.schemaVersion = 2), false],
  ['host name with "!"', (p) => (p.contexts[0].hosts = ['bad!host']), false],
  ['path without "/"', (p) => (p.contexts[0].paths = ['no-slash']), false],
  // Audiences are additive: a pack written before them stays valid.
  [
    'a pack without audiences',
    (p) => {
      delete p.audiences;
      for (const tip of p.tips) delete tip.audiences;
    },
    true,
  ],
  ['a tip without audiences', (p) => delete p.tips[0].audiences, true],
  ['a tip with an empty audience list', (p) => (p.tips[0].audiences = []), true],
  [
    'an empty audience list',
    (p) => {
      p.audiences = [];
      for (const tip of p.tips) delete tip.audiences;
    },
    true,
  ],
  ['audience id that is not a slug', (p) => (p.audiences[0].id = 'Youth Work'), false],
  ['audience without a label', (p) => delete p.audiences[0].label, false],
  ['audience label of 101 letters', (p) => (p.audiences[0].label = 'x'.repeat(101)), false],
  ['audiences that are not a list', (p) => (p.audiences = { id: 'school' }), false],
  ['tip audiences as one string', (p) => (p.tips[0].audiences = 'school'), false],
  ['tip audience that is not a slug', (p) => (p.tips[0].audiences = ['School']), false],
  // Templates are additive: a pack written before them, without the list or any reference, stays valid.
  [
    'a pack without templates',
    (p) => {
      delete p.templates;
      for (const tip of p.tips) delete tip.templates;
      for (const list of p.checklists) for (const item of list.items) delete item.template;
    },
    true,
  ],
  ['template kind "email"', template('kind', 'email'), true],
  ['template kind "letter"', template('kind', 'letter'), false],
  ['template without text', (p) => delete p.templates[0].text, false],
  ['template with empty text', template('text', ''), false],
  ['template places to fill in on two lines', template('text', 'Date: [date]\nPlace: [place]'), true],
  ['template with a "[" that does not close', template('text', 'Date: [date\nPlace'), false],
  ['template with a "]" on its own', template('text', 'Date: date]'), false],
  ['template with nested brackets', template('text', '[a [b] c]'), false],
  ['template subject on one line', template('subject', 'Invitation: [name] on [date]'), true],
  ['template subject with a line break', template('subject', 'Hello\r\nBcc: x@example.org'), false],
  ['template id that is not a slug', template('id', 'Agenda 1'), false],
  ['tip template reference that is not a slug', (p) => (p.tips[0].templates = ['Not A Slug']), false],
];

describe('the JSON Schema and validatePack', () => {
  const check = new Ajv().compile(schema);
  for (const [what, change, valid] of cases) {
    it(`agree on ${what} (${valid ? 'valid' : 'invalid'})`, () => {
      const pack = packWith(change);
      assert.equal(check(pack), valid, `JSON Schema: ${JSON.stringify(check.errors?.[0])}`);
      assert.equal(validatePack(pack).ok, valid, `validatePack: ${JSON.stringify(validatePack(pack).issues[0])}`);
    });
  }
});

describe('loadPack', () => {
  let server;
  let url;
  before(async () => {
    const pack = packWith((p) => {
      p.tips = Array.from({ length: 200 }, (_, i) => ({ id: `tip-${i}`, title: 't', body: [], source: 'nope' }));
      delete p.checklists;
    });
    server = createServer((request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(pack)));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/pack.json`;
  });
  after(() => server.close());

  it('says how many more problems a refused pack has, beyond the first', async () => {
    const cache = { read: async () => undefined, write: async () => {} };
    const error = await loadPack(url, { cache }).then(
      () => assert.fail('the pack was accepted'),
      (e) => e,
    );
    assert.ok(error instanceof PackLoadError, String(error));
    assert.equal(error.kind, 'invalid');
    assert.equal(error.detail, 'tips[0].source: unknown source "nope" (and 199 more)');
    assert.equal(error.issues.length, 51);
  });
});
