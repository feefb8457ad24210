// `netwerkkracht snippet` and the snippet writer behind it (also the embed builder's).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { basePack } from '../fixtures/hostile-packs.js';
import { prerenderedContactCard, prerenderedDeck, prerenderedTipCard } from '../../packages/content/snippet.js';

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
    assert.match(card, /<a href="tel:\+31020123">\+31 \(0\)20 123<\/a>/);
    assert.doesNotMatch(card, /mailto:|javascript:/);
    assert.throws(() => prerenderedContactCard(pack, 'nobody'), /no contact "nobody"/);
    pack.tips[0].title = '<script>x</script>';
    assert.match(
      prerenderedDeck(pack, { 'heading-level': '2' }),
      /<nk-tip-deck mode="daily" heading-level="2">\n {2}<h2>&lt;script&gt;x&lt;\/script&gt;<\/h2>/,
    );
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
