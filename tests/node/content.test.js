// The default packs and the `netwerkkracht validate` CLI, in Node.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { matchContexts, tipsForAddress } from '@netwerkkracht/core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'packages/content/bin/netwerkkracht.js');
const packPath = (locale) => join(root, `packages/content/packs/${locale}.json`);
const pack = (locale) => JSON.parse(readFileSync(packPath(locale), 'utf8'));
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('default content packs', () => {
  for (const locale of ['nl', 'en']) {
    it(`${locale}.json passes the CLI`, () => {
      const result = run('validate', packPath(locale));
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`valid pack "netwerkkracht" \\(${locale}\\): \\d+ tips`));
    });
  }

  it('nl and en have the same ids everywhere', () => {
    const ids = (p) => ({
      // Translations share the pack id: progress and favourites are kept per pack id.
      pack: p.id,
      sources: p.sources.map((s) => s.id),
      tags: p.tags.map((t) => t.id),
      tips: p.tips.map((t) => [t.id, t.source, t.tags, t.templates]),
      contacts: p.contacts.map((c) => c.id),
      checklists: p.checklists.map((c) => [c.id, c.items.map((i) => [i.id, i.tip, i.template])]),
      templates: p.templates.map((t) => [t.id, t.kind, t.source, 'subject' in t]),
      contexts: p.contexts.map((c) => [c.id, c.hosts, c.paths, c.tags]),
    });
    assert.deepEqual(ids(pack('en')), ids(pack('nl')));
  });

  it('nl and en name the same audiences, and mark each tip for the same ones', () => {
    const audiences = (p) => ({
      list: p.audiences.map((a) => a.id),
      tips: p.tips.map((t) => [t.id, t.audiences]),
    });
    assert.deepEqual(audiences(pack('en')), audiences(pack('nl')));
    for (const locale of ['nl', 'en']) {
      const p = pack(locale);
      assert.ok(p.audiences.length >= 5, `${locale}: ${p.audiences.length} audiences`);
      const unmarked = p.tips.filter((t) => !t.audiences?.length).map((t) => t.id);
      assert.deepEqual(unmarked, [], `${locale}: tips that say for no one whom they are for`);
      for (const audience of p.audiences) {
        assert.ok(
          p.tips.some((t) => t.audiences.includes(audience.id)),
          `${locale}: no tip for ${audience.id}`,
        );
      }
    }
  });

  it('nl and en point at the same addresses', () => {
    // A translation links the same articles and the same example contacts, in the same order.
    const refs = (p) => ({
      sources: p.sources.map((s) => s.url),
      links: p.tips.map((t) => (t.links ?? []).map((l) => l.url)),
      contacts: p.contacts.map((c) => [c.email, c.phone, c.url]),
    });
    assert.deepEqual(refs(pack('en')), refs(pack('nl')));
  });

  it('keeps sentences to 20 words and tips to 80', () => {
    const words = (text) => text.split(/\s+/).filter(Boolean).length;
    // A sentence ends at . ! or ? (perhaps inside a closing quote) before a space.
    const sentences = (text) => text.split(/(?<=[.!?]["'”’)]?)\s+/);
    const problems = [];
    for (const locale of ['nl', 'en']) {
      const p = pack(locale);
      const texts = [
        ['description', p.description],
        ...p.tips.flatMap((t) => [[`tips/${t.id}.title`, t.title], ...t.body.map((b, i) => [`tips/${t.id}.body[${i}]`, b])]),
        ...p.checklists.flatMap((c) => [
          [`checklists/${c.id}.title`, c.title],
          [`checklists/${c.id}.description`, c.description ?? ''],
          ...c.items.map((i) => [`checklists/${c.id}/${i.id}`, i.text]),
        ]),
        // A template is read line by line: a heading or a list line is not part of the next sentence.
        ...p.templates.flatMap((t) => [
          [`templates/${t.id}.title`, t.title],
          [`templates/${t.id}.subject`, t.subject ?? ''],
          ...t.text.split('\n').map((line, i) => [`templates/${t.id}.text:${i + 1}`, line]),
        ]),
      ];
      for (const [where, text] of texts) {
        for (const sentence of sentences(text)) {
          if (words(sentence) > 20) problems.push(`${locale} ${where}: ${words(sentence)} words in "${sentence}"`);
        }
      }
      for (const tip of p.tips) {
        const count = words(tip.body.join(' '));
        if (count > 80) problems.push(`${locale} tips/${tip.id}: the body has ${count} words`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('has the templates the tools need, each linked from a tip and a checklist item', () => {
    for (const locale of ['nl', 'en']) {
      const p = pack(locale);
      const kinds = p.templates.map((t) => t.kind);
      for (const kind of ['agenda', 'invitation', 'follow-up']) assert.ok(kinds.includes(kind), `${locale}: no ${kind} template`);
      // The invitation comes in a plain version for residents and volunteers as well.
      assert.ok(kinds.filter((kind) => kind === 'invitation').length >= 2, `${locale}: one invitation only`);
      for (const template of p.templates) {
        assert.ok(template.source, `${locale} ${template.id} credits no source`);
        assert.match(template.text, /\[[^\]]+\]/, `${locale} ${template.id} has no place to fill in`);
        assert.ok(template.kind === 'agenda' || template.subject, `${locale} ${template.id}: an e-mail without a subject`);
        assert.ok(
          p.tips.some((tip) => tip.templates?.includes(template.id)),
          `${locale} ${template.id}: no tip links it`,
        );
        assert.ok(
          p.checklists.some((list) => list.items.some((item) => item.template === template.id)),
          `${locale} ${template.id}: no checklist item links it`,
        );
      }
      // The agenda carries the advice it is made from, in the order of a meeting.
      const agenda = p.templates.find((t) => t.kind === 'agenda').text;
      const order =
        locale === 'nl'
          ? ['wat ging er goed', 'Acties van de vorige keer', "Risico's en knelpunten", 'terugblik', 'wie en wanneer', 'Volgend overleg']
          : ['what went well', 'Actions from last time', 'Risks and sticking points', 'reflection', 'who and when', 'Next meeting'];
      const at = order.map((words) => agenda.indexOf(words));
      assert.ok(
        at.every((i) => i >= 0),
        `${locale}: the agenda lacks ${order[at.indexOf(-1)]}`,
      );
      assert.deepEqual(
        [...at].sort((a, b) => a - b),
        at,
        `${locale}: the agenda is out of order`,
      );
    }
  });

  it('covers every piece of advice in the source texts and credits five organisations', () => {
    const nl = pack('nl');
    assert.ok(nl.tips.length >= 30, `only ${nl.tips.length} tips`);
    assert.equal(nl.sources.length, 5);
    for (const source of nl.sources)
      assert.ok(
        nl.tips.some((t) => t.source === source.id),
        `${source.id} has no tip`,
      );
    assert.ok(nl.checklists.length >= 2);
    assert.ok(
      nl.checklists.every((c) => c.items.every((i) => i.tip)),
      'every checklist item links to a tip',
    );
  });

  it('keeps the checklists in working order, and the item ids readers have ticked', () => {
    for (const locale of ['nl', 'en']) {
      const lists = Object.fromEntries(pack(locale).checklists.map((c) => [c.id, c.items]));
      const ids = (id) => lists[id].map((i) => i.id);
      // Ticks are stored per checklist and item id: every item that stayed keeps its id.
      const kept = {
        'netwerkbijeenkomst-organiseren': [
          'doel-bepalen',
          'team-samenstellen',
          'partners-uitnodigen',
          'inwoners-uitnodigen',
          'programma-maken',
          'ontmoeting-plannen',
          'afsluiten-met-actie',
          'opvolging-sturen',
        ],
        'samenwerking-starten': [
          'buurt-in-kaart',
          'netwerken-overzien',
          'partners-kiezen',
          'visie-afspreken',
          'doelen-met-jongeren',
          'rollen-verhelderen',
          'besturing-regelen',
          'evaluaties-plannen',
          'eerste-stap-zetten',
        ],
        'na-het-overleg': [
          'successen-noemen',
          'olifant-benoemen',
          'bijdrage-bepalen',
          'invloed-bepalen',
          'morgen-anders',
          'behoefte-delen',
          'risicos-noteren',
          'afspraken-mailen',
        ],
      };
      for (const [list, items] of Object.entries(kept)) for (const id of items) assert.ok(ids(list).includes(id), `${locale} ${list} lost ${id}`);
      const meeting = ids('netwerkbijeenkomst-organiseren');
      const before = (a, b) => assert.ok(meeting.indexOf(a) < meeting.indexOf(b), `${locale}: ${a} comes after ${b}`);
      before('datum-en-plek', 'programma-maken');
      before('programma-maken', 'partners-uitnodigen');
      before('inwoners-uitnodigen', 'aanmelding-regelen');
      before('rollen-verdelen', 'afsluiten-met-actie');
      before('deelnemers-bedanken', 'opvolging-sturen');
      // Risks as a standing item is advice on recurring partner meetings, not on a one-off event.
      assert.ok(!lists['netwerkbijeenkomst-organiseren'].some((i) => i.tip === 'vast-agendapunt-risicos'), locale);
      assert.ok(
        lists['samenwerking-starten'].some((i) => i.tip === 'vast-agendapunt-risicos'),
        locale,
      );
      // The reflection questions are asked together at the end of the meeting, as questions.
      const end = lists['na-het-overleg'];
      const questions = end.filter((i) => i.text.endsWith('?')).map((i) => i.id);
      assert.deepEqual(questions, ['successen-noemen', 'olifant-benoemen', 'bijdrage-bepalen', 'invloed-bepalen', 'morgen-anders', 'behoefte-delen'], locale);
      assert.deepEqual(
        end.slice(-2).map((i) => i.id),
        ['risicos-noteren', 'afspraken-mailen'],
        locale,
      );
    }
  });

  it('shows the online-meeting tips in the web meeting tools, on their current addresses', () => {
    const tools = {
      'https://teams.microsoft.com/v2/': 'teams',
      'https://teams.cloud.microsoft/': 'teams',
      'https://meet.google.com/abc-defg-hij': 'videobellen',
      'https://app.zoom.us/wc/home': 'videobellen',
      'https://zoom.us/j/123': 'videobellen',
      'https://example.zoom.us/j/123': 'videobellen',
      'https://acme.webex.com/meet/someone': 'videobellen',
    };
    for (const locale of ['nl', 'en']) {
      const p = pack(locale);
      const online = p.tips.filter((t) => t.tags.includes('online')).map((t) => t.id);
      assert.ok(online.length >= 3, `${locale}: ${online.length} tips for online meetings`);
      for (const [address, context] of Object.entries(tools)) {
        assert.deepEqual(
          matchContexts(p, address).map((c) => c.id),
          [context],
          address,
        );
        const shown = tipsForAddress(p, address).map((t) => t.id);
        for (const id of online) assert.ok(shown.includes(id), `${locale} ${address} does not show ${id}`);
      }
      // Outlook on the web answers on four hosts; each has mail and calendar.
      for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft', 'outlook.live.com']) {
        assert.deepEqual(
          matchContexts(p, `https://${host}/calendar/view/week`).map((c) => c.id),
          ['agenda-outlook'],
          host,
        );
        assert.deepEqual(
          matchContexts(p, `https://${host}/mail/`).map((c) => c.id),
          ['mail-outlook'],
          host,
        );
      }
      assert.deepEqual(
        matchContexts(p, 'https://notwebex.com/').map((c) => c.id),
        [],
        'a look-alike host',
      );
    }
  });

  it('credits the same sources in the README as in the packs', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const credits = readme.slice(readme.indexOf('## Content and credits'), readme.indexOf('\n## ', readme.indexOf('## Content and credits') + 1));
    // | organisation, as the English pack has it | `id` | original title | address |
    const rows = credits
      .split('\n')
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .filter((cells) => /^`[a-z0-9-]+`$/.test(cells[1] ?? ''));
    const nl = pack('nl');
    const en = pack('en');
    assert.deepEqual(
      rows.map((cells) => cells[1]),
      nl.sources.map((s) => `\`${s.id}\``),
      "the README credits the packs' sources, in their order",
    );
    for (const [i, source] of nl.sources.entries()) {
      const [organisation, , title, address] = rows[i];
      assert.equal(organisation, en.sources[i].organisation, `${source.id}: the README credits another organisation`);
      assert.equal(title, source.title, `${source.id}: the README gives another title`);
      if (source.url) assert.equal(address, source.url, `${source.id}: the README gives another address`);
      else assert.doesNotMatch(address, /https?:/, `${source.id}: the README gives an address the pack does not`);
    }
    // The Dutch pack credits the same organisations: its names start alike (before any explanation).
    for (const [i, source] of nl.sources.entries()) {
      const name = (s) => s.split(/[(,]/)[0].trim().replace(' en ', ' and ');
      assert.equal(name(source.organisation), name(en.sources[i].organisation), source.id);
    }
    // The English pack keeps the original title in front of its translation, so the article can be found.
    for (const source of pack('en').sources) {
      const original = nl.sources.find((s) => s.id === source.id).title;
      assert.ok(source.title.startsWith(`${original} (`), `en ${source.id}: "${source.title}" does not start with the original title`);
    }
  });

  it('marks every contact as an example with an example.org address', () => {
    for (const locale of ['nl', 'en']) {
      for (const contact of pack(locale).contacts) {
        assert.equal(contact.example, true);
        assert.match(contact.email, /@example\.org$/);
      }
    }
  });

  it('contains no HTML', () => {
    for (const locale of ['nl', 'en']) assert.doesNotMatch(readFileSync(packPath(locale), 'utf8'), /<[a-z/!]/i);
  });
});

describe('netwerkkracht validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nk-cli-'));
  const write = (name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('prints each error with its path and exits 1', () => {
    const broken = pack('en');
    broken.tips[2].title = '';
    broken.tips[4].links = [{ label: 'x', url: 'javascript:alert(1)' }];
    const result = run('validate', write('broken.json', JSON.stringify(broken)));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /tips\[2\]\.title: must not be empty/);
    assert.match(result.stderr, /tips\[4\]\.links\[0\]\.url: is not an allowed URL/);
    assert.match(result.stderr, /2 problems: the pack is not valid\./);
    const dangling = pack('en');
    dangling.tips[3].source = 'nji-typo';
    assert.match(run('validate', write('dangling.json', JSON.stringify(dangling))).stderr, /tips\[3\]\.source: unknown source "nji-typo"/);
  });

  it('names an unknown audience by its path, and accepts a pack without audiences', () => {
    const unknown = pack('en');
    unknown.tips[3].audiences = ['jongerenwerk', 'x'];
    const result = run('validate', write('unknown-audience.json', JSON.stringify(unknown)));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /tips\[3\]\.audiences\[1\]: unknown audience "x"/);
    // A tip may name audiences only from the pack's list, also when the pack has none.
    const noList = pack('en');
    delete noList.audiences;
    assert.match(run('validate', write('no-audience-list.json', JSON.stringify(noList))).stderr, /tips\[0\]\.audiences\[0\]: unknown audience "jongerenwerk"/);
    const old = pack('en');
    delete old.audiences;
    for (const tip of old.tips) delete tip.audiences;
    const before = run('validate', write('before-audiences.json', JSON.stringify(old)));
    assert.equal(before.status, 0, before.stderr);
    assert.match(before.stdout, /\d+ tips, 0 audiences/);
  });

  it('names unknown templates and template problems by their path', () => {
    const broken = pack('en');
    broken.tips[3].templates = ['agenda-partneroverleg', 'agenda-typo'];
    broken.checklists[1].items[2].template = 'no-such-template';
    broken.templates[1].source = 'nowhere';
    const result = run('validate', write('templates.json', JSON.stringify(broken)));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /tips\[3\]\.templates\[1\]: unknown template "agenda-typo"/);
    assert.match(result.stderr, /checklists\[1\]\.items\[2\]\.template: unknown template "no-such-template"/);
    assert.match(result.stderr, /templates\[1\]\.source: unknown source "nowhere"/);
    assert.match(result.stderr, /3 problems: the pack is not valid\./);
    const shape = pack('en');
    shape.templates[0].kind = 'letter';
    shape.templates[2].text = 'Date: [date';
    const lines = run('validate', write('template-shape.json', JSON.stringify(shape))).stderr;
    assert.match(lines, /templates\[0\]\.kind: must be one of "agenda", "invitation", "follow-up", "email"/);
    assert.match(lines, /templates\[2\]\.text: has a "\[" or "\]" that does not mark a place to fill in/);
  });

  it('counts the templates of a valid pack, and accepts a pack written before templates existed', () => {
    assert.match(run('validate', packPath('nl')).stdout, /, [1-9]\d* templates, /);
    const old = pack('nl');
    delete old.templates;
    for (const tip of old.tips) delete tip.templates;
    for (const list of old.checklists) for (const item of list.items) delete item.template;
    const result = run('validate', write('before-templates.json', JSON.stringify(old)));
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /, 0 templates, /);
  });

  it('prints the real number of problems when it lists only the first 50', () => {
    const badIds = pack('en');
    badIds.tips = Array.from({ length: 200 }, (_, i) => ({ id: `Bad Id ${i}`, title: 't', body: [] }));
    const unknownSources = pack('en');
    unknownSources.tips = Array.from({ length: 200 }, (_, i) => ({ id: `tip-${i}`, title: 't', body: [], source: 'nope' }));
    delete unknownSources.checklists;
    for (const [name, data] of [
      ['bad-ids.json', badIds],
      ['unknown-sources.json', unknownSources],
    ]) {
      const file = write(name, JSON.stringify(data));
      const lines = run('validate', file).stderr.trimEnd().split('\n');
      assert.equal(lines.length, 52, name);
      assert.equal(lines.at(-2), `${file}: and 150 more problems`, name);
      assert.equal(lines.at(-1), '200 problems: the pack is not valid.', name);
    }
  });

  it('accepts a UTF-8 BOM and refuses Latin-1 with a message', () => {
    const text = JSON.stringify(pack('nl'));
    assert.equal(run('validate', write('bom.json', `\uFEFF${text}`)).status, 0);
    const latin1 = run('validate', write('latin1.json', Buffer.from('{"title":"caf\xe9"}', 'latin1')));
    assert.equal(latin1.status, 1);
    assert.match(latin1.stderr, /not UTF-8/);
  });

  it('reports broken JSON, empty files and missing files', () => {
    assert.match(run('validate', write('trunc.json', '{"tips": [')).stderr, /not valid JSON/);
    assert.match(run('validate', write('empty.json', '')).stderr, /the file is empty/);
    const missing = run('validate', join(dir, 'nope.json'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read it/);
  });

  it('refuses a pack over 2 MB', () => {
    const result = run('validate', write('huge.json', `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /refuse packs over 2048 KB/);
  });

  it('explains its usage', () => {
    const result = run();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: netwerkkracht validate <file-or-url>/);
  });

  it('is on the PATH as `npx netwerkkracht`', () => {
    const out = execFileSync('npx', ['--no-install', 'netwerkkracht', 'validate', packPath('nl')], { cwd: root, encoding: 'utf8' });
    assert.match(out, /valid pack "netwerkkracht"/);
  });
});

describe('the JSON Schema', () => {
  it('is generated from the core schema and up to date', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/build-schema.js'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
  it('is what the default packs point their editors at', () => {
    assert.equal(pack('nl').$schema, './content-pack.schema.json');
  });
});
