// Messages from unexpected senders or with the wrong shape never get past the background's gate:
// its own routes (extension/src/messages.ts), with handlers that only answer.
import { expect } from '@open-wc/testing';
import type { Runtime } from 'webextension-polyfill';
import { answered as gate, BASE, ID } from '../fixtures/messages.js';

const tab = { id: 7 } as Runtime.MessageSender['tab'];

const contentScript: Runtime.MessageSender = { id: ID, url: 'https://outlook.office.com/calendar', tab, frameId: 0 };
const panel: Runtime.MessageSender = { id: ID, url: `${BASE}panel.html` };
const launcher: Runtime.MessageSender = { id: ID, url: `${BASE}launcher.html`, tab, frameId: 4 };

/** A message JSON made (structured clone keeps an own "__proto__" key from JSON.parse). */
const parsed = (json: string) => JSON.parse(json) as unknown;

const SHAPES: [name: string, value: unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['a bare type string', 'nk-panel-context'],
  ['an array', ['nk-panel-context']],
  ['an empty object', {}],
  ['an unknown type', { type: 'nk-evil' }],
  ['a type in other case', { type: 'NK-PANEL-CONTEXT' }],
  ['a type that is not a string', { type: ['nk-panel-context'] }],
  ['a type inherited from the prototype', Object.create({ type: 'nk-panel-context' })],
  ['an own __proto__ key', parsed('{"type": "nk-pack-refresh", "__proto__": {"type": "x"}}')],
  ['a constructor key', parsed('{"type": "nk-panel-context", "constructor": {"prototype": {}}}')],
  ['extra fields on a field-less message', { type: 'nk-pack-refresh', force: true }],
  ['a check without url', { type: 'nk-launcher-check' }],
  ['a check with a number url', { type: 'nk-launcher-check', url: 443 }],
  ['a check with a 1 MB url', { type: 'nk-launcher-check', url: `https://outlook.office.com/${'x'.repeat(1_000_000)}` }],
  ['a dismissal forever', { type: 'nk-launcher-dismiss', scope: 'forever' }],
  ['a tip id with markup', { type: 'nk-launcher-opened', tipId: '<img src=x onerror=alert(1)>' }],
  ['a tip id with a path', { type: 'nk-launcher-opened', tipId: '../../etc' }],
  ['a 101-character tip id', { type: 'nk-launcher-opened', tipId: 'a'.repeat(101) }],
];

const SENDERS: [name: string, sender: Runtime.MessageSender][] = [
  ['another extension', { ...panel, id: 'otherextensionidotherextensionid' }],
  ['no extension id (a web page)', { url: 'https://evil.example/', tab, frameId: 0 }],
  ['our content script in a sub-frame', { ...contentScript, frameId: 3 }],
  ['our content script on an http: page', { ...contentScript, url: 'http://outlook.office.com/' }],
  ['a look-alike extension URL', { id: ID, url: `chrome-extension://${ID}.evil.example/panel.html` }],
  ['a sender without a URL', { id: ID, tab, frameId: 0 }],
];

describe('extension messages from unexpected senders or with wrong shapes', () => {
  for (const [name, value] of SHAPES) {
    it(`ignores ${name}, from every sender`, () => {
      for (const sender of [contentScript, panel, launcher]) expect(gate(value, sender), JSON.stringify(sender)).to.equal(false);
    });
  }

  for (const [name, sender] of SENDERS) {
    it(`ignores every message from ${name}`, () => {
      for (const value of [
        { type: 'nk-launcher-check', url: 'https://outlook.office.com/' },
        { type: 'nk-launcher-tip' },
        { type: 'nk-launcher-dismiss', scope: 'site' },
        { type: 'nk-launcher-opened', tipId: 'a-tip' },
        { type: 'nk-panel-context' },
        { type: 'nk-pack-refresh' },
      ]) {
        expect(gate(value, sender), value.type).to.equal(false);
      }
    });
  }

  it('lets each of our parts send only its own messages', () => {
    expect(gate({ type: 'nk-launcher-check', url: 'https://outlook.office.com/' }, contentScript)).to.equal(true);
    for (const type of ['nk-launcher-tip', 'nk-panel-context', 'nk-pack-refresh', 'nk-launcher-opened']) {
      expect(gate({ type, tipId: 'a-tip' }, contentScript), `content script: ${type}`).to.equal(false);
    }
    expect(gate({ type: 'nk-launcher-dismiss', scope: 'site' }, launcher)).to.equal(true);
    expect(gate({ type: 'nk-pack-refresh' }, launcher), 'launcher: nk-pack-refresh').to.equal(false);
    expect(gate({ type: 'nk-launcher-dismiss', scope: 'site' }, panel), 'panel: nk-launcher-dismiss').to.equal(false);
    expect(gate({ type: 'nk-pack-refresh' }, panel)).to.equal(true);
  });
});
