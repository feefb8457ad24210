// `netwerkkracht snippet` and the snippet writer behind it (also the embed builder's).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dialNumber } from '@netwerkkracht/core';
import { basePack } from '../fixtures/hostile-packs.js';
import { prerenderedChecklist, prerenderedContactCard, prerenderedDeck, prerenderedTipCard } from '../../packages/content/snippet.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'packages/content/bin/netwerkkracht.js');
const run = (...args) => spawnSync(process.execPath, [cli, 'snippet', ...args], { encoding: 'utf8' });

describe('netwerkkracht snippet', () => {
  it('writes the stylesheet, the script and the tip in the card', () => {
    const { status, stdout } = run(join(root, 'packages/content/packs/en.json'), 'vast-agendapunt-risicos', '--base', 'https://example.org/nk');
    assert.equal(status, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], '<link rel="stylesheet" href="https://example.org/nk/netwerkkracht.css">');
    assert.equal(lines[1], '<script type="module" src="https://example.org/nk/netwerkkracht.js"></script>');
    assert.match(stdout, /<nk-tip-card tip="vast-agendapunt-risicos" lang="en">/);
    assert.match(stdout, /<h3 slot="title">Make risks and sticking points a standing item<\/h3>/);
    assert.match(stdout, /<span slot="source">/);
  });

  it('writes a checklist as a plain list of its items', () => {
    const { status, stdout } = run(join(root, 'packages/content/packs/en.json'), 'netwerkbijeenkomst-organiseren');
    assert.equal(status, 0);
    assert.match(
      stdout,
      /<nk-network-checklist checklist="netwerkbijeenkomst-organiseren" lang="en">\n {2}<h3>Organising a network meeting<\/h3>\n {2}<ol>\n {4}<li>/,
    );
  });

  it('writes a contact card with its name, job title, organisation and links', () => {
    const { status, stdout } = run(join(root, 'packages/content/packs/nl.json'), 'netwerkcoordinator-jeugd');
    assert.equal(status, 0);
    assert.match(
      stdout,
      /<nk-contact-card contact="netwerkcoordinator-jeugd" lang="nl">\n {2}<h3>Lotte Voorbeeld<\/h3>\n {2}<p>Netwerkcoördinator jeugd \(voorbeeldcontact\)<\/p>\n {2}<p>Voorbeeldgemeente \(voorbeeld\)<\/p>\n/,
    );
    assert.match(stdout, /<a href="mailto:lotte\.voorbeeld@example\.org">lotte\.voorbeeld@example\.org<\/a>/);
  });

  it('writes a deck with the first tip of the pack, in the mode asked for', () => {
    const { status, stdout } = run(join(root, 'packages/content/packs/en.json'), '--deck', 'list');
    assert.equal(status, 0);
    assert.match(stdout, /<nk-tip-deck mode="list" lang="en">\n {2}<h3>[^<]+<\/h3>\n {2}<p>/);
    assert.match(stdout, /<p>Source: /);
    assert.equal(run(join(root, 'packages/content/packs/en.json'), '--deck', 'weekly').status, 2);
    assert.equal(run(join(root, 'packages/content/packs/en.json'), 'some-id', '--deck', 'daily').status, 2);
  });

  it('writes contact and deck text as text, and only safe links', () => {
    const pack = basePack();
    pack.contacts = [{ id: 'c', name: '<b>Sam</b>', role: '"x"', email: 'not an address', phone: '+31 (0)20 123', url: 'javascript:alert(1)' }];
    const card = prerenderedContactCard(pack, 'c');
    assert.match(card, /<h3>&lt;b&gt;Sam&lt;\/b&gt;<\/h3>/);
    assert.match(card, /<p>&quot;x&quot;<\/p>/);
    assert.match(card, /<a href="tel:\+3120123">\+31 \(0\)20 123<\/a>/);
    assert.doesNotMatch(card, /mailto:|javascript:/);
    assert.throws(() => prerenderedContactCard(pack, 'nobody'), /no contact "nobody"/);
    pack.tips[0].title = '<script>x</script>';
    assert.match(
      prerenderedDeck(pack, { 'heading-level': '2' }),
      /<nk-tip-deck mode="daily" heading-level="2">\n {2}<h2>&lt;script&gt;x&lt;\/script&gt;<\/h2>/,
    );
  });

  it("links a phone number and an e-mail address by core's rules, as the contact card does", () => {
    const pack = basePack();
    const card = (person) => {
      pack.contacts = [{ id: 'c', name: 'Sam', ...person }];
      return prerenderedContactCard(pack, 'c');
    };
    // "(0)" is not dialled from abroad: the href is the number core's dialNumber gives.
    assert.equal(dialNumber('+31 (0)20 123 4567'), '+31201234567');
    assert.match(card({ phone: '+31 (0)20 123 4567' }), /<a href="tel:\+31201234567">\+31 \(0\)20 123 4567<\/a>/);
    // Fewer than six digits is no phone number; nor is an address core refuses.
    for (const phone of ['112', '12-34', '(((( ))))']) assert.doesNotMatch(card({ phone }), /tel:/, phone);
    for (const email of ['sam@localhost', 'sam@example.org?bcc=all@example.org', 'sam@(example).org', 'sam@example..org']) {
      assert.doesNotMatch(card({ email }), /mailto:/, email);
    }
    assert.match(card({ email: 'sam@example.org' }), /<a href="mailto:sam@example\.org">sam@example\.org<\/a>/);
  });

  it('clamps heading-level as the elements do: rounded, 1 to 6, 3 when unset or 0', () => {
    const pack = basePack();
    const writers = {
      tip: (attributes) => prerenderedTipCard(pack, pack.tips[0].id, attributes),
      checklist: (attributes) => prerenderedChecklist(pack, pack.checklists[0].id, attributes),
      deck: (attributes) => prerenderedDeck(pack, attributes),
      contact: (attributes) => prerenderedContactCard(pack, pack.contacts[0].id, attributes),
    };
    const cases = { 2.5: 3, 2.4: 2, 9: 6, 0: 3, '-1': 1, abc: 3, '': 3, undefined: 3 };
    for (const [name, write] of Object.entries(writers)) {
      for (const [value, level] of Object.entries(cases)) {
        const html = write({ 'heading-level': value === 'undefined' ? undefined : value });
        const tags = [...html.matchAll(/<\/?h([^\s>]*)/g)].map((match) => match[1]);
        assert.deepEqual(tags, [String(level), String(level)], `${name}, heading-level="${value}"`);
      }
    }
  });

  it('puts the styles inline with --inline-style', () => {
    const { status, stdout } = run(join(root, 'packages/content/packs/nl.json'), 'heldere-visie-bijeenkomst', '--inline-style');
    assert.equal(status, 0);
    const [first, second] = stdout.split('\n');
    assert.match(first, /^<style>nk-tip-card:not\(:defined\).*\}<\/style>$/);
    assert.equal(first.slice('<style>'.length, -'</style>'.length).includes('<'), false);
    assert.match(second, /^<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/@netwerkkracht\/widgets@[\d.]+\/dist\/netwerkkracht\.js"><\/script>$/);
  });

  it('says so for a tip the pack does not have, or a pack it refuses', () => {
    const missing = run(join(root, 'packages/content/packs/nl.json'), 'no-such-tip');
    assert.deepEqual([missing.status, missing.stdout], [1, '']);
    assert.match(missing.stderr, /the pack has no tip, checklist or contact "no-such-tip"/);
    const dir = mkdtempSync(join(tmpdir(), 'nk-snippet-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...basePack(), tips: 'none' }));
    const invalid = run(join(dir, 'bad.json'), 'risks');
    assert.equal(invalid.status, 1);
    assert.match(invalid.stderr, /not valid/);
  });

  it('writes pack text as text and leaves out links it may not make', () => {
    const pack = basePack();
    pack.tips[0].title = '<img src=x onerror=alert(1)> & "quotes"';
    pack.tips[0].links = [
      { label: 'bad', url: 'javascript:alert(1)' },
      { label: 'good', url: 'https://www.nji.nl/' },
    ];
    const card = prerenderedTipCard(pack, 'risks', { lang: 'en' });
    assert.match(card, /<h3 slot="title">&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;quotes&quot;<\/h3>/);
    assert.doesNotMatch(card, /javascript:/);
    assert.match(card, /<a href="https:\/\/www\.nji\.nl\/">good<\/a>/);
  });
});
