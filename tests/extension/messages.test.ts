import { expect } from '@open-wc/testing';
import { routeOf, senderOrigin, type Origin } from '../../extension/src/messages.js';
import { BASE, ID, ROUTES } from '../fixtures/messages.js';

const isMessage = (value: unknown) => routeOf(ROUTES, value) !== undefined;
/** The message types `origin` may send. */
const allowed = (origin: Origin) =>
  Object.entries(ROUTES)
    .filter(([, route]) => route.from.includes(origin))
    .map(([type]) => type);

describe('extension messages', () => {
  describe('routeOf', () => {
    it('accepts the known shapes', () => {
      expect(isMessage({ type: 'nk-launcher-check', url: 'https://outlook.office.com/calendar' })).to.equal(true);
      expect(isMessage({ type: 'nk-launcher-dismiss', scope: 'today' })).to.equal(true);
      expect(isMessage({ type: 'nk-launcher-opened', tipId: 'vast-agendapunt-risicos' })).to.equal(true);
      expect(isMessage({ type: 'nk-panel-context' })).to.equal(true);
      expect(isMessage({ type: 'nk-launcher-panel-tab' })).to.equal(true);
    });
    it('refuses wrong shapes', () => {
      for (const value of [
        null,
        'nk-panel-context',
        {},
        { type: 'nk-unknown' },
        { type: 'nk-launcher-check' },
        { type: 'nk-launcher-check', url: 42 },
        { type: 'nk-launcher-check', url: 'x'.repeat(5000) },
        { type: 'nk-launcher-dismiss', scope: 'forever' },
        { type: 'nk-launcher-opened', tipId: '<img src=x>' },
        { type: 'nk-panel-context', extra: true },
        { type: 'nk-launcher-panel-tab', url: 'https://example.org/' },
        { type: '__proto__' },
      ]) {
        expect(isMessage(value), JSON.stringify(value)).to.equal(false);
      }
    });
  });

  describe('senderOrigin', () => {
    it('knows our content script in a top frame, our pages and our framed launcher', () => {
      expect(senderOrigin({ id: ID, url: 'https://outlook.office.com/calendar', tab: { id: 1 } as never, frameId: 0 }, ID, BASE)).to.equal('content-script');
      expect(senderOrigin({ id: ID, url: `${BASE}panel.html` }, ID, BASE)).to.equal('extension-page');
      expect(senderOrigin({ id: ID, url: `${BASE}launcher.html`, tab: { id: 1 } as never, frameId: 3 }, ID, BASE)).to.equal('extension-frame');
    });
    it('takes the options page and the panel in a tab for our pages, not for a framed launcher', () => {
      // The options page opens in a tab (open_in_tab), so its messages carry a tab.
      expect(senderOrigin({ id: ID, url: `${BASE}options.html`, tab: { id: 4 } as never, frameId: 0 }, ID, BASE)).to.equal('extension-page');
      expect(senderOrigin({ id: ID, url: `${BASE}panel.html?x#y`, tab: { id: 4 } as never, frameId: 0 }, ID, BASE)).to.equal('extension-page');
      expect(allowed('extension-page')).to.include('nk-pack-refresh');
      expect(allowed('extension-frame')).not.to.include('nk-pack-refresh');
    });
    it('ignores other extensions, sub-frames and plain http pages', () => {
      expect(senderOrigin({ id: 'other', url: `${BASE}panel.html` }, ID, BASE)).to.equal(undefined);
      expect(senderOrigin({ id: ID, url: 'https://outlook.office.com/', tab: { id: 1 } as never, frameId: 2 }, ID, BASE)).to.equal(undefined);
      expect(senderOrigin({ id: ID, url: 'http://outlook.office.com/', tab: { id: 1 } as never, frameId: 0 }, ID, BASE)).to.equal(undefined);
      expect(senderOrigin({ id: ID }, ID, BASE)).to.equal(undefined);
    });
    it('lets a content script send nothing but the page address', () => {
      expect(allowed('content-script')).to.deep.equal(['nk-launcher-check']);
      expect(allowed('extension-page')).not.to.include('nk-launcher-panel-tab');
    });
  });
});
