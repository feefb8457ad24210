import { expect } from '@open-wc/testing';
import { filterByTags, foldText, matchContexts, orderByAudience, searchTips, tipOfTheDay, tipsForAddress, type Tip } from '@netwerkkracht/core';
import { validPack } from '../fixtures/pack.js';

const tips: Tip[] = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, title: `Tip ${i}`, body: [], tags: i % 2 ? ['even'] : ['odd'] }));

describe('tipOfTheDay', () => {
  it('is the same all day and changes over the days', () => {
    const morning = tipOfTheDay(tips, new Date(2026, 10, 22, 8), 'nl');
    expect(tipOfTheDay(tips, new Date(2026, 10, 22, 23, 59), 'nl')).to.equal(morning);
    const week = new Set(Array.from({ length: 7 }, (_, d) => tipOfTheDay(tips, new Date(2026, 10, 22 + d), 'nl')));
    expect(week.size).to.be.greaterThan(3);
  });
  it('returns undefined for no tips', () => {
    expect(tipOfTheDay([], new Date())).to.equal(undefined);
  });
});

describe('filterByTags and searchTips', () => {
  it('filters by any of the tags, and returns all for none', () => {
    expect(filterByTags(tips, ['even']).every((t) => t.tags!.includes('even'))).to.equal(true);
    expect(filterByTags(tips, []).length).to.equal(30);
  });
  it('ignores case and diacritics', async () => {
    const pack = await validPack();
    expect(searchTips(pack.tips, 'COORDINATE').map((t) => t.id)).to.deep.equal(['risks']);
    expect(searchTips(pack.tips, 'coördinate early').map((t) => t.id)).to.deep.equal(['risks']);
    expect(searchTips(pack.tips, 'zzz')).to.deep.equal([]);
    expect(foldText('Ëén Çafé')).to.equal('een cafe');
  });
  it('searches topics by the name the reader sees, when given one', async () => {
    const pack = await validPack();
    const label = (id: string) => pack.tags!.find((tag) => tag.id === id)?.label ?? id;
    expect(searchTips(pack.tips, 'meetings', label).map((t) => t.id)).to.deep.equal(['risks']);
    expect(searchTips(pack.tips, 'opvolging', label)).to.deep.equal([]);
    expect(searchTips(pack.tips, 'opvolging').map((t) => t.id)).to.deep.equal(['follow-up']);
  });
});

describe('orderByAudience', () => {
  const mixed: Tip[] = [
    { id: 'a', title: 'A', body: [], audiences: ['gemeente'] },
    { id: 'b', title: 'B', body: [], audiences: ['school', 'jongerenwerk'] },
    { id: 'c', title: 'C', body: [] },
    { id: 'd', title: 'D', body: [], audiences: ['jongerenwerk'] },
  ];
  const ids = (list: Tip[]) => list.map((t) => t.id);
  it("puts the audience's tips first and keeps every other tip after them, in order", () => {
    expect(ids(orderByAudience(mixed, 'jongerenwerk'))).to.deep.equal(['b', 'd', 'a', 'c']);
    expect(ids(orderByAudience(mixed, 'gemeente'))).to.deep.equal(['a', 'b', 'c', 'd']);
  });
  it('keeps the order for no audience or one no tip has, and returns a new list', () => {
    for (const audience of [undefined, '', 'bestuurder']) {
      const ordered = orderByAudience(mixed, audience);
      expect(ids(ordered)).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(ordered).not.to.equal(mixed);
    }
  });
});

describe('matchContexts', () => {
  it('matches on host and path prefix only', async () => {
    const pack = await validPack();
    expect(matchContexts(pack, 'https://outlook.office.com/calendar/view/week').map((c) => c.id)).to.deep.equal(['agenda']);
    expect(matchContexts(pack, 'https://outlook.office.com/mail/')).to.deep.equal([]);
    expect(matchContexts(pack, 'https://mail.google.com/mail/u/0/#inbox').map((c) => c.id)).to.deep.equal(['mail']);
    expect(matchContexts(pack, 'https://team.calendar.example/calendar').map((c) => c.id)).to.deep.equal(['agenda']);
    expect(matchContexts(pack, 'https://evil-outlook.office.com.example/calendar')).to.deep.equal([]);
    expect(matchContexts(pack, 'not a url')).to.deep.equal([]);
  });
  it('gives the tips for the tool at an address', async () => {
    const pack = await validPack();
    expect(tipsForAddress(pack, 'https://mail.google.com/').map((t) => t.id)).to.deep.equal(['follow-up']);
    expect(tipsForAddress(pack, 'https://example.org/')).to.deep.equal([]);
  });
});
