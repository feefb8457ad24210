import { expect } from '@open-wc/testing';
import { decodePackBytes, formatIssue, isSafeUrl, parsePack, validatePack } from '@netwerkkracht/core';
import { validPack } from '../fixtures/pack.js';

const messages = (data: unknown) => {
  const result = validatePack(data);
  return result.ok ? [] : result.issues.map(formatIssue);
};

describe('validatePack', () => {
  it('accepts a valid pack and keeps unknown fields', async () => {
    const result = validatePack(await validPack());
    expect(result.ok).to.equal(true);
    expect((result.pack as Record<string, unknown>)['x-extra']).to.deep.equal({ kept: true });
  });
  it('keeps unknown fields inside tips, contacts and checklist items too', async () => {
    const pack = await validPack();
    Object.assign(pack.tips[0]!, { 'x-note': 'for editors' });
    Object.assign(pack.checklists![0]!.items[0]!, { 'x-order': 3 });
    const result = validatePack(pack);
    expect(result.ok).to.equal(true);
    expect((result.pack!.tips[0] as Record<string, unknown>)['x-note']).to.equal('for editors');
    expect((result.pack!.checklists![0]!.items[0] as Record<string, unknown>)['x-order']).to.equal(3);
  });

  describe('when the shape is wrong', () => {
    it('names the path of a wrong type', async () => {
      const pack = await validPack();
      (pack.tips[1] as Record<string, unknown>).title = 42;
      expect(messages(pack)).to.have.length(1);
      expect(messages(pack)).to.deep.equal(['tips[1].title: must be text, not number']);
    });
    it('says what is wrong with a text, a slug and a URL', async () => {
      const pack = await validPack();
      Object.assign(pack.tips[0]!, { title: '', id: 'Not A Slug', links: [{ label: 'x', url: 'javascript:alert(1)' }] });
      Object.assign(pack.tips[1]!, { title: 'x'.repeat(301), body: null });
      expect(messages(pack)).to.deep.equal([
        'tips[0].id: must be a lowercase slug (a-z, 0-9 and single hyphens)',
        'tips[0].title: must not be empty',
        'tips[0].links[0].url: is not an allowed URL (only https:, http:, mailto: and tel:)',
        'tips[1].title: is longer than 300 characters',
        // A list that is not a list keeps valibot's own wording.
        'tips[1].body: Invalid type: Expected Array but received null',
      ]);
    });
    it('rejects a pack that is not an object', () => {
      for (const data of [[], null, 'pack', 42]) expect(messages(data)).to.deep.equal(['the pack is not a JSON object ({ … })']);
    });
    it('rejects missing required lists', async () => {
      const pack = await validPack();
      delete (pack as Record<string, unknown>).tips;
      expect(messages(pack)[0]).to.match(/^tips: /);
    });
    it('says "is missing" for a missing required field', async () => {
      const pack = await validPack();
      delete (pack.tips[0] as Record<string, unknown>).id;
      delete (pack as Record<string, unknown>).schemaVersion;
      expect(messages(pack)).to.deep.equal(['schemaVersion: is missing', 'tips[0].id: is missing']);
    });
    it('explains a newer schemaVersion', async () => {
      const pack = await validPack();
      (pack as Record<string, unknown>).schemaVersion = 2;
      expect(messages(pack)).to.deep.equal(['schemaVersion: is 2; this version of Netwerkkracht reads version 1']);
    });
    it('rejects a locale that is not BCP 47', async () => {
      const pack = await validPack();
      (pack as Record<string, unknown>).locale = 'dutch language';
      expect(messages(pack)[0]).to.match(/^locale: /);
    });
    it('accepts common language tags and refuses empty ones', async () => {
      for (const tag of ['nl', 'en-GB', 'fy-NL', 'zh-Hant-TW', 'es-419', 'de-CH-1996', 'sl-rozaj', 'de-DE-u-co-phonebk', 'nl-x-jeugd']) {
        const pack = await validPack();
        pack.locale = tag;
        pack.contacts![0]!.languages = [tag];
        expect(messages(pack), tag).to.deep.equal([]);
      }
      const pack = await validPack();
      pack.locale = '';
      pack.contacts![0]!.languages = ['nl', ''];
      expect(messages(pack)).to.deep.equal(['locale: must not be empty', 'contacts[0].languages[1]: must not be empty']);
    });
    it('caps the number of reported problems', async () => {
      const pack = await validPack();
      pack.tips = Array.from({ length: 200 }, () => ({ id: 'Bad Id', title: '', body: [] }));
      const found = messages(pack);
      expect(found.length).to.equal(51);
      expect(found.at(-1)).to.match(/more problems/);
    });
    it('counts every problem, also those left out of the list', async () => {
      const pack = await validPack();
      pack.tips = Array.from({ length: 200 }, (_, i) => ({ id: `Bad Id ${i}`, title: 't', body: [] }));
      const result = validatePack(pack);
      expect(result.issues).to.have.length(51);
      expect(result.issues.at(-1)!.message).to.equal('and 150 more problems');
      expect(result.total).to.equal(200);
    });
    it('counts one problem for a single issue', async () => {
      const pack = await validPack();
      pack.tips[0]!.source = 'nope';
      expect(validatePack(pack).total).to.equal(1);
      expect(parsePack('{').total).to.equal(1);
      expect(validatePack([]).total).to.equal(1);
    });
    it('counts length in characters (code points), as JSON Schema does, not UTF-16 units', async () => {
      const pack = await validPack();
      pack.tips[0]!.title = '😀'.repeat(300);
      expect(messages(pack)).to.deep.equal([]);
      pack.tips[0]!.title = '😀'.repeat(301);
      expect(messages(pack)).to.deep.equal(['tips[0].title: is longer than 300 characters']);
      // A lone surrogate is one character, as in JSON Schema validators.
      pack.tips[0]!.title = `${'x'.repeat(299)}\uD83D`;
      expect(messages(pack)).to.deep.equal([]);
    });
  });

  describe('when ids or references are wrong', () => {
    it('rejects ids that are not slugs', async () => {
      for (const id of ['Tip', 'a b', 'a"b', 'a/b', '${x}', '-a', 'a--b', '']) {
        const pack = await validPack();
        pack.tips[0]!.id = id;
        expect(messages(pack)[0], id).to.match(/^tips\[0\]\.id: /);
      }
    });
    it('rejects duplicate ids', async () => {
      const pack = await validPack();
      pack.tips[2]!.id = 'risks';
      expect(messages(pack)).to.deep.equal(['tips[2].id: duplicate id "risks"']);
    });
    it('rejects a tip with an unknown source', async () => {
      const pack = await validPack();
      pack.tips[0]!.source = 'ncj';
      expect(messages(pack)).to.deep.equal(['tips[0].source: unknown source "ncj"']);
    });
    it('rejects a checklist item pointing at an unknown tip', async () => {
      const pack = await validPack();
      pack.checklists![0]!.items[1]!.tip = 'nope';
      expect(messages(pack)).to.deep.equal(['checklists[0].items[1].tip: unknown tip "nope"']);
    });
    it('rejects tags that are not in the tag list', async () => {
      const pack = await validPack();
      pack.tips[0]!.tags = ['overleg', 'bestuur'];
      pack.contexts![1]!.tags = ['x'];
      expect(messages(pack)).to.deep.equal(['tips[0].tags[1]: unknown tag "bestuur"', 'contexts[1].tags[0]: unknown tag "x"']);
    });
    it('caps and counts unknown references the same way', async () => {
      const pack = await validPack();
      pack.tips = Array.from({ length: 200 }, (_, i) => ({ id: `tip-${i}`, title: 't', body: [], source: 'nope' }));
      delete pack.checklists;
      const result = validatePack(pack);
      expect(result.issues).to.have.length(51);
      expect(result.issues[49]!.path).to.equal('tips[49].source');
      expect(result.issues.at(-1)).to.deep.equal({ path: '', message: 'and 150 more problems' });
      expect(result.total).to.equal(200);
    });
    it('accepts audiences that resolve, and names each one that does not', async () => {
      const pack = await validPack();
      pack.audiences = [
        { id: 'jongerenwerk', label: 'Youth work' },
        { id: 'school', label: 'School' },
      ];
      pack.tips[0]!.audiences = ['school', 'jongerenwerk'];
      expect(messages(pack)).to.deep.equal([]);
      pack.tips[1]!.audiences = ['school', 'x'];
      pack.audiences.push({ id: 'school', label: 'Schools' });
      expect(messages(pack)).to.deep.equal(['audiences[2].id: duplicate id "school"', 'tips[1].audiences[1]: unknown audience "x"']);
    });
    it('needs the audience list for a tip that names an audience', async () => {
      const pack = await validPack();
      pack.tips[2]!.audiences = ['school'];
      expect(messages(pack)).to.deep.equal(['tips[2].audiences[0]: unknown audience "school"']);
    });
    it('allows any tag when the pack has no tag list', async () => {
      const pack = await validPack();
      delete (pack as Record<string, unknown>).tags;
      pack.tips[0]!.tags = ['anything'];
      expect(messages(pack)).to.deep.equal([]);
    });
    it('treats __proto__ and constructor keys as plain data', () => {
      const result = parsePack('{"__proto__": {"polluted": 1}, "constructor": 1, "schemaVersion": 1, "id": "a", "locale": "nl", "title": "t", "tips": []}');
      expect(result.ok).to.equal(true);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  });

  describe('when URLs, e-mail or phone are unsafe or malformed', () => {
    const bad = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
      'mailto:a@b.nl%0Abcc:x@y.nl',
      'mailto:a@b.nl?body=%0d%0aBcc:x',
      'https://',
      'not a url',
    ];
    for (const url of bad) {
      it(`rejects ${JSON.stringify(url)}`, async () => {
        expect(isSafeUrl(url)).to.equal(false);
        const pack = await validPack();
        pack.tips[0]!.links = [{ label: 'x', url }];
        expect(messages(pack)[0]).to.match(/^tips\[0\]\.links\[0\]\.url: /);
      });
    }
    it('accepts https, http, mailto and tel', () => {
      for (const url of ['https://nji.nl/a?b=c', 'http://example.org', 'mailto:a@example.org?subject=Hoi', 'tel:+31201234567']) {
        expect(isSafeUrl(url), url).to.equal(true);
      }
    });
    it('accepts a photo URL whatever the case of its scheme, and only http(s)', async () => {
      const pack = await validPack();
      pack.contacts![0]!.photo = 'HTTPS://example.org/a.jpg';
      expect(messages(pack)).to.deep.equal([]);
      pack.contacts![0]!.photo = 'mailto:a@b.c';
      expect(messages(pack)).to.deep.equal(['contacts[0].photo: must be an http(s) URL']);
      pack.contacts![0]!.photo = 'javascript:alert(1)';
      expect(messages(pack)).to.deep.equal(['contacts[0].photo: is not an allowed URL (only https:, http:, mailto: and tel:)']);
    });
    it('rejects a phone number with fewer than 6 digits', async () => {
      const pack = await validPack();
      pack.contacts![0]!.phone = '(((( ))))';
      expect(messages(pack)).to.deep.equal(['contacts[0].phone: has fewer than 6 digits']);
    });
    it('rejects malformed e-mail addresses and phone numbers with letters', async () => {
      const pack = await validPack();
      pack.contacts![0]!.email = 'anna@example.org\nBcc: x@y.nl';
      pack.contacts![0]!.phone = '+31 20 CALL NOW';
      expect(messages(pack).map((m) => m.split(':')[0])).to.deep.equal(['contacts[0].email', 'contacts[0].phone']);
    });
  });

  describe('when input is huge', () => {
    it('rejects a 1 MB string with a message instead of freezing', async () => {
      const pack = await validPack();
      pack.tips[0]!.title = 'x'.repeat(1_000_000);
      expect(messages(pack)[0]).to.match(/^tips\[0\]\.title: is longer than 300 characters/);
    });
    it('survives deep nesting', () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const result = parsePack(`{"schemaVersion":1,"id":"a","locale":"nl","title":"t","tips":[],"extra":${deep}}`);
      // Either way is fine as long as it answers: some engines refuse this much nesting in JSON.parse.
      expect(result.ok === true || result.issues.length > 0).to.equal(true);
    });
  });
});

describe('parsePack', () => {
  it('drops "__proto__" keys, also written with escapes, so that copying a tip cannot change its prototype', async () => {
    const pack = await validPack();
    const hostile = { links: [{ label: 'x', url: 'javascript:alert(1)' }] };
    const text = JSON.stringify(pack).replace('"tips":[{', `"tips":[{"__proto__":${JSON.stringify(hostile)},"\\u005f_proto__":${JSON.stringify(hostile)},`);
    expect(text).to.include('"__proto__"');
    const result = parsePack(text);
    expect(result.ok).to.equal(true);
    const tip = result.pack!.tips[0]!;
    expect(Object.hasOwn(tip, '__proto__')).to.equal(false);
    expect(Object.getPrototypeOf(Object.assign({}, tip))).to.equal(Object.prototype);
  });
  it('tolerates a UTF-8 byte-order mark', async () => {
    const text = `\uFEFF${JSON.stringify(await validPack())}`;
    expect(parsePack(text).ok).to.equal(true);
  });
  it('reports broken and empty JSON as one readable issue', () => {
    expect(parsePack('{"tips": [').issues[0]!.message).to.match(/^the file is not valid JSON/);
    expect(parsePack('   ').issues[0]!.message).to.equal('the file is empty');
  });
});

describe('decodePackBytes', () => {
  it('decodes UTF-8 with and without BOM, and UTF-16 with a BOM', () => {
    const utf8 = new TextEncoder().encode('{"a":"é"}');
    expect(decodePackBytes(utf8)).to.equal('{"a":"é"}');
    expect(decodePackBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).to.equal('{"a":"é"}');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'{"a":"é"}'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodePackBytes(utf16)).to.equal('{"a":"é"}');
  });
  it('refuses Latin-1 with a readable message', () => {
    expect(() => decodePackBytes(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]))).to.throw(/not UTF-8/);
  });
});
