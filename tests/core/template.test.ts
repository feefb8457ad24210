import { expect } from '@open-wc/testing';
import { isEmailTemplate, templateMailto, templatesById, validatePack } from '@netwerkkracht/core';
import { validPack } from '../fixtures/pack.js';

/** The fields of a mailto: address, as a mail program reads them. */
const fields = (address: string) => [...new URL(address).searchParams];

describe('templateMailto', () => {
  it('opens a new e-mail with no recipient, the subject and the text as body', () => {
    const address = templateMailto({ title: 'Invitation', subject: 'Invitation: [name] on [date]', text: 'Dear [name],\nSee you.' });
    expect(address.startsWith('mailto:?')).to.equal(true);
    expect(fields(address)).to.deep.equal([
      ['subject', 'Invitation: [name] on [date]'],
      ['body', 'Dear [name],\r\nSee you.'],
    ]);
  });

  it('uses the title when there is no subject', () => {
    expect(fields(templateMailto({ title: 'Follow-up', text: 'x' }))[0]).to.deep.equal(['subject', 'Follow-up']);
  });

  describe('when the text tries to add mail headers or fields', () => {
    const hostile = {
      title: 'x',
      subject: 'Hello\r\nBcc: spy@example.org\nCc: spy@example.org',
      text: 'Hi\n&bcc=spy@example.org\r\nBcc: spy@example.org\r?cc=spy@example.org#to=spy@example.org',
    };
    const address = templateMailto(hostile);

    it('keeps every character of subject and body inside its own field', () => {
      expect(fields(address).map(([name]) => name)).to.deep.equal(['subject', 'body']);
      expect(address).not.to.match(/[\r\n#]/);
      // The only "&" and "=" that are not encoded are the ones that separate the two fields.
      expect(address.match(/[&=]/g)).to.deep.equal(['=', '&', '=']);
    });

    it("turns a line break in the subject into a space, and keeps the body's lines as encoded CR LF", () => {
      const [subject, body] = address.slice('mailto:?'.length).split('&');
      expect(subject, 'no line break in the subject, even encoded').not.to.match(/%0[ad]/i);
      expect(fields(address)[0]![1]).to.equal('Hello Bcc: spy@example.org Cc: spy@example.org');
      expect(body).to.match(/%0D%0A/);
      expect(body!.replace(/%0D%0A/g, ''), 'every line break is CR LF').not.to.match(/%0[AD]/);
      expect(fields(address)[1]![1]).to.equal('Hi\r\n&bcc=spy@example.org\r\nBcc: spy@example.org\r\n?cc=spy@example.org#to=spy@example.org');
    });
  });
});

describe('isEmailTemplate', () => {
  it('opens invitations, follow-ups and e-mails as e-mail, and not an agenda', () => {
    expect(['agenda', 'invitation', 'follow-up', 'email'].map((kind) => isEmailTemplate({ kind: kind as 'agenda' }))).to.deep.equal([false, true, true, true]);
  });
});

describe('templatesById', () => {
  it('returns the templates in the order asked, leaving out unknown ids', async () => {
    const pack = await validPack();
    expect(templatesById(pack, ['follow-mail', 'nope', 'agenda']).map((t) => t.id)).to.deep.equal(['follow-mail', 'agenda']);
    expect(templatesById({}, ['agenda'])).to.deep.equal([]);
  });
});

describe('validatePack with templates', () => {
  const messages = (data: unknown) => {
    const result = validatePack(data);
    return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
  };

  it('names unknown template references by their path', async () => {
    const pack = await validPack();
    pack.tips[2]!.templates = ['agenda', 'x'];
    pack.checklists![0]!.items[1]!.template = 'nope';
    pack.templates![0]!.source = 'ncj';
    expect(messages(pack)).to.deep.equal([
      'tips[2].templates[1]: unknown template "x"',
      'checklists[0].items[1].template: unknown template "nope"',
      'templates[0].source: unknown source "ncj"',
    ]);
  });

  it('rejects duplicate template ids, an unknown kind and an unclosed place to fill in', async () => {
    const pack = await validPack();
    pack.templates![1]!.id = 'agenda';
    Object.assign(pack.templates![0]!, { kind: 'poster', text: 'Date: [date' });
    expect(messages(pack)).to.deep.equal([
      'templates[0].kind: must be one of "agenda", "invitation", "follow-up", "email"',
      'templates[0].text: has a "[" or "]" that does not mark a place to fill in (write them as [like this])',
    ]);
    pack.templates![0] = { ...pack.templates![0]!, kind: 'agenda', text: 'ok' };
    // The renamed template is gone under its old id, so its references say so too.
    expect(messages(pack)).to.deep.equal([
      'templates[1].id: duplicate id "agenda"',
      'tips[1].templates[0]: unknown template "follow-mail"',
      'checklists[0].items[2].template: unknown template "follow-mail"',
    ]);
  });

  it('accepts a pack written before templates existed', async () => {
    const pack = await validPack();
    delete pack.templates;
    for (const tip of pack.tips) delete tip.templates;
    for (const item of pack.checklists![0]!.items) delete item.template;
    expect(messages(pack)).to.deep.equal([]);
  });

  it('refuses a reference to a template in a pack without templates', async () => {
    const pack = await validPack();
    delete pack.templates;
    delete pack.checklists![0]!.items[2]!.template;
    delete pack.tips[1]!.templates;
    expect(messages(pack)).to.deep.equal(['tips[0].templates[0]: unknown template "agenda"']);
  });
});
