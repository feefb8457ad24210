import { expect } from '@open-wc/testing';
import { choose, effectiveChoices, parseManaged, toolAllowed, toolPolicy, UNMANAGED } from '../../extension/src/managed.js';

describe("the organisation's settings from policy", () => {
  it("takes the values of the schema's shapes", () => {
    expect(
      parseManaged({
        packUrl: ' https://packs.example.org/org.json ',
        packUrlLocked: true,
        tools: ['outlook', 'gmail', 'outlook'],
        toolsLocked: true,
        syncProgress: false,
        syncProgressLocked: true,
      }),
    ).to.deep.equal({
      packUrl: 'https://packs.example.org/org.json',
      packUrlLocked: true,
      tools: ['outlook', 'gmail'],
      toolsLocked: true,
      syncProgress: false,
      syncProgressLocked: true,
    });
  });

  it('leaves out what has the wrong shape, an unknown tool, or a pack address that is not one https site', () => {
    expect(
      parseManaged({ packUrl: 'http://packs.example.org/org.json', packUrlLocked: 'yes', tools: ['outlook', 'myspace', 3], syncProgress: 'true' }),
    ).to.deep.equal({
      packUrlLocked: false,
      toolsLocked: false,
      syncProgressLocked: false,
      tools: ['outlook'],
    });
    expect(parseManaged({ packUrl: 'https://*/pack.json', tools: 'outlook' })).to.deep.equal(UNMANAGED);
    for (const nothing of [undefined, null, 'policy', 7, []]) expect(parseManaged(nothing)).to.deep.equal(UNMANAGED);
  });

  it('keeps an empty pack address: the organisation chose the pack inside the extension', () => {
    expect(parseManaged({ packUrl: '', packUrlLocked: true }).packUrl).to.equal('');
  });
});

describe('the settings in effect', () => {
  it("are the user's own when nothing is managed", () => {
    expect(effectiveChoices({ packUrl: 'https://own.example/p.json', syncProgress: true }, UNMANAGED)).to.deep.equal({
      packUrl: 'https://own.example/p.json',
      syncProgress: true,
      sources: { packUrl: 'user', syncProgress: 'user' },
    });
    expect(effectiveChoices({}, UNMANAGED)).to.deep.equal({ packUrl: '', syncProgress: false, sources: { packUrl: 'default', syncProgress: 'default' } });
  });

  it("are the organisation's where it locked them, over the user's own", () => {
    const managed = parseManaged({ packUrl: 'https://packs.example.org/org.json', packUrlLocked: true, syncProgress: false, syncProgressLocked: true });
    expect(effectiveChoices({ packUrl: 'https://own.example/p.json', syncProgress: true }, managed)).to.deep.equal({
      packUrl: 'https://packs.example.org/org.json',
      syncProgress: false,
      sources: { packUrl: 'locked', syncProgress: 'locked' },
    });
  });

  it('lock the default when the organisation locks without a value', () => {
    const managed = parseManaged({ packUrlLocked: true, syncProgressLocked: true });
    expect(effectiveChoices({ packUrl: 'https://own.example/p.json', syncProgress: true }, managed)).to.deep.equal({
      packUrl: '',
      syncProgress: false,
      sources: { packUrl: 'locked', syncProgress: 'locked' },
    });
  });

  it("start from the organisation's unlocked value until the user chooses their own", () => {
    const managed = parseManaged({ packUrl: 'https://packs.example.org/org.json', syncProgress: true });
    expect(effectiveChoices({}, managed)).to.deep.equal({
      packUrl: 'https://packs.example.org/org.json',
      syncProgress: true,
      sources: { packUrl: 'organisation', syncProgress: 'organisation' },
    });
    // The user chose the pack inside the extension and no sync: an empty address and false count as choices.
    expect(effectiveChoices({ packUrl: '', syncProgress: false }, managed)).to.deep.equal({
      packUrl: '',
      syncProgress: false,
      sources: { packUrl: 'user', syncProgress: 'user' },
    });
  });

  it("come back to the user's own when the policy goes, as their stored settings are not touched", () => {
    const own = { packUrl: 'https://own.example/p.json', syncProgress: true };
    const locked = parseManaged({ packUrl: 'https://packs.example.org/org.json', packUrlLocked: true, syncProgressLocked: true });
    expect(effectiveChoices(own, locked).packUrl).to.equal('https://packs.example.org/org.json');
    expect(own).to.deep.equal({ packUrl: 'https://own.example/p.json', syncProgress: true });
    expect(effectiveChoices(own, parseManaged({}))).to.include({ packUrl: 'https://own.example/p.json', syncProgress: true });
  });

  it('choose by lock, then the user, then the organisation, then the default', () => {
    expect(choose(1, 2, true, 0)).to.deep.equal({ value: 2, source: 'locked' });
    expect(choose(1, 2, false, 0)).to.deep.equal({ value: 1, source: 'user' });
    expect(choose(undefined, 2, false, 0)).to.deep.equal({ value: 2, source: 'organisation' });
    expect(choose(undefined, undefined, false, 0)).to.deep.equal({ value: 0, source: 'default' });
    expect(choose(1, undefined, true, 0)).to.deep.equal({ value: 0, source: 'locked' });
  });
});

describe('the tools the organisation set', () => {
  it('lock a listed tool on and every other tool off', () => {
    const managed = parseManaged({ tools: ['outlook'], toolsLocked: true });
    expect(toolPolicy('outlook', managed)).to.deep.equal({ on: true, locked: true });
    expect(toolPolicy('gmail', managed)).to.deep.equal({ on: false, locked: true });
    expect(toolAllowed('outlook', managed)).to.equal(true);
    expect(toolAllowed('gmail', managed)).to.equal(false);
  });

  it('switch every tool off when locked without a list', () => {
    expect(toolAllowed('outlook', parseManaged({ toolsLocked: true }))).to.equal(false);
  });

  it("only suggest tools when not locked: the user's grants decide", () => {
    const managed = parseManaged({ tools: ['teams'] });
    expect(toolPolicy('teams', managed)).to.deep.equal({ on: true, locked: false });
    expect(toolPolicy('gmail', managed)).to.deep.equal({ locked: false });
    expect(toolAllowed('gmail', managed)).to.equal(true);
    expect(toolAllowed('gmail', UNMANAGED)).to.equal(true);
  });
});
