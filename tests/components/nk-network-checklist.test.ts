import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { createProgressStore, createRecordStore, sharedProgressStore } from '@netwerkkracht/core';
import '../../packages/components/src/nk-network-checklist/nk-network-checklist.js';
import type { NkNetworkChecklist } from '../../packages/components/src/nk-network-checklist/nk-network-checklist.js';
import { define } from '../../packages/components/src/internal/define.js';
import { setDefaultPackBase } from '../../packages/components/src/internal/packs.js';
import { press } from '../fixtures/keys.js';
import { sticksOut } from '../fixtures/layout.js';
import { stubClipboard } from '../fixtures/browser-apis.js';
import { recordTexts, saidOnSecondClick } from '../fixtures/live-region.js';
import { fixtureUrl, uniqueName } from '../fixtures/pack.js';
import { $, boxes, ownPack, ready, until } from './harness.js';

const PACK = fixtureUrl('packs/valid.json');
const progressText = (el: Element) => $(el, '[part=progress-text]')?.textContent?.trim();
const buttonNamed = (el: Element, name: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name) as HTMLButtonElement;

async function checklist(template = html`<nk-network-checklist lang="en" pack=${PACK} checklist="meeting"></nk-network-checklist>`) {
  return ready(await fixture<NkNetworkChecklist>(template));
}

/** A tiny RFC 5545 reader: checks CRLF and folding, and returns the component tree. */
interface Component {
  name: string;
  props: Record<string, { params: Record<string, string>; value: string }>;
  children: Component[];
}
function parseIcs(text: string): Component {
  expect(text.endsWith('\r\n'), 'ends with CRLF').to.be.true;
  expect(text.replace(/\r\n/g, ''), 'only CRLF line breaks').not.to.match(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length, line).to.be.at.most(75);
  const root: Component = { name: '', props: {}, children: [] };
  const stack = [root];
  for (const line of text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)) {
    const match = /^([A-Z-]+)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(match, `content line: ${line}`).to.exist;
    const [, name, params, value] = match!;
    const top = stack.at(-1)!;
    if (name === 'BEGIN') {
      const child: Component = { name: value!, props: {}, children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(stack.pop()!.name).to.equal(value);
    } else {
      expect(value, `${name} has no bare comma or semicolon`).not.to.match(name === 'URL' ? /^$/ : /(^|[^\\])[;,]/);
      top.props[name!] = {
        params: Object.fromEntries(
          params!
            .split(';')
            .filter(Boolean)
            .map((p) => p.split('=')),
        ),
        value: value!.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c)),
      };
    }
  }
  expect(stack).to.have.length(1);
  expect(root.children).to.have.length(1);
  return root.children[0]!;
}

/** Runs `action` while downloads are captured instead of saved. */
async function captureDownload(action: () => void) {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return createObjectURL.call(URL, object);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    action();
    await until(() => name, 'a download starts');
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { name, type: blob!.type, text: await blob!.text() };
}

describe('<nk-network-checklist>', () => {
  beforeEach(async () => {
    await sharedProgressStore().reset('test-pack', 'meeting');
  });

  describe('when pre-rendered (its steps in the page, as the snippet writer puts them)', () => {
    it('shows those steps while the pack loads, then the interactive checklist takes over', async () => {
      const url = new URL(`/test-server/gate/${uniqueName('list')}`, location.href).href;
      const el = await fixture<NkNetworkChecklist>(html`<nk-network-checklist lang="en" checklist="meeting" pack=${url}>
        <h3>Organise a meeting</h3>
        <ol><li>Write the agenda</li><li>Invite the partners</li></ol>
      </nk-network-checklist>`);
      await el.updateComplete;
      const loading = el.shadowRoot!.querySelector('[part=loading]')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(
        loading
          .querySelector('slot')!
          .assignedElements()
          .map((e) => e.localName),
      ).to.deep.equal(['h3', 'ol']);
      await fetch(`${url}/open`);
      await until(() => el.shadowRoot!.querySelectorAll('input[type=checkbox]').length === 2, 'the interactive checklist');
      expect(el.querySelector('ol')!.assignedSlot, 'the plain list is no longer shown').to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
  describe('when the pack is still loading', () => {
    it('shows a placeholder that keeps the space', async () => {
      const el = await fixture<NkNetworkChecklist>(html`<nk-network-checklist pack="/test-server/slow?ms=1500" checklist="meeting"></nk-network-checklist>`);
      const loading = $(el, '[part=loading]')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(loading.getBoundingClientRect().height).to.be.greaterThan(40);
      await expect(el).to.be.accessible();
      await ready(el);
    });
  });

  describe('when it shows a checklist from a pack', () => {
    it('has a heading, native checkboxes with labels and a polite progress text', async () => {
      const el = await checklist();
      const heading = $(el, '[part=heading]')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(heading.textContent).to.equal('Organise a meeting');
      expect(boxes(el).map((box) => el.shadowRoot!.querySelector(`label[for="${box.id}"]`)!.textContent)).to.deep.equal([
        'Write the agenda',
        'Invite the partners',
        'Follow up',
      ]);
      expect(progressText(el)).to.equal('0 of 3 done');
      expect($(el, '[part=progress-text]')!.getAttribute('aria-live')).to.equal('polite');
      const bar = $<HTMLProgressElement>(el, 'progress')!;
      expect([bar.value, bar.max]).to.deep.equal([0, 3]);
      await expect(el).to.be.accessible();
    });

    it('shows the first checklist of the pack without a checklist attribute', async () => {
      const el = await checklist(html`<nk-network-checklist lang="en" pack=${PACK}></nk-network-checklist>`);
      expect($(el, '[part=heading]')!.textContent).to.equal('Organise a meeting');
    });

    it('puts the heading at heading-level', async () => {
      const el = await checklist(html`<nk-network-checklist lang="en" pack=${PACK} checklist="meeting" heading-level="2"></nk-network-checklist>`);
      expect($(el, '[part=heading]')!.getAttribute('aria-level')).to.equal('2');
      await expect(el).to.be.accessible();
    });
  });

  describe('when items are ticked', () => {
    it('updates the bar and the text and fires nk-progress-change', async () => {
      const el = await checklist();
      const event = oneEvent(el, 'nk-progress-change');
      boxes(el)[0]!.click();
      const { detail } = await event;
      expect(detail).to.deep.equal({ checklistId: 'meeting', done: 1, total: 3, itemId: 'agenda', checked: true });
      await until(() => progressText(el) === '1 of 3 done', 'progress text updates');
      expect($<HTMLProgressElement>(el, 'progress')!.value).to.equal(1);
      expect(boxes(el)[0]!.checked).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard (Space on a focused checkbox)', async () => {
      const el = await checklist();
      const event = oneEvent(el, 'nk-progress-change');
      await press(boxes(el)[1]!, ' ');
      expect((await event).detail).to.include({ itemId: 'invite', checked: true });
      await until(() => progressText(el) === '1 of 3 done', 'progress text updates');
      await press(boxes(el)[1]!, ' ');
      await until(() => progressText(el) === '0 of 3 done', 'unticked again');
    });
  });

  describe('when the page is reloaded', () => {
    it('shows the ticks again, read back from IndexedDB', async () => {
      const first = await checklist();
      const saved = oneEvent(first, 'nk-progress-change');
      boxes(first)[2]!.click();
      await saved;
      first.remove();
      // A fresh store has no memory copy: what it reads comes from IndexedDB.
      const stored = await createProgressStore(createRecordStore('netwerkkracht-progress', { broadcast: false })).get('test-pack', 'meeting');
      expect(Object.keys(stored)).to.deep.equal(['follow']);
      const fresh = createProgressStore(createRecordStore('netwerkkracht-progress', { broadcast: false }));
      const again = await checklist(html`<nk-network-checklist lang="en" pack=${PACK} checklist="meeting" .store=${fresh}></nk-network-checklist>`);
      await until(() => boxes(again)[2]!.checked, 'the tick is back');
      expect(progressText(again)).to.equal('1 of 3 done');
      await expect(again).to.be.accessible();
    });
  });

  describe('when two instances are on the page', () => {
    it('keeps them in step', async () => {
      const wrapper = fixtureSync(html`<div>
        <nk-network-checklist lang="en" pack=${PACK} checklist="meeting"></nk-network-checklist>
        <nk-network-checklist lang="en" pack=${PACK} checklist="meeting"></nk-network-checklist>
      </div>`);
      const [a, b] = [...wrapper.querySelectorAll('nk-network-checklist')];
      await ready(a!);
      await ready(b!);
      boxes(a!)[0]!.click();
      await until(() => boxes(b!)[0]!.checked && progressText(b!) === '1 of 3 done', 'the second follows the first');
      boxes(b!)[0]!.click();
      await until(() => !boxes(a!)[0]!.checked, 'and the first follows the second');
    });

    it('follows another tab (a second store on the same database)', async () => {
      const otherTab = createProgressStore();
      const el = await checklist(html`<nk-network-checklist lang="en" pack=${PACK} checklist="meeting" .store=${otherTab}></nk-network-checklist>`);
      await sharedProgressStore().setItem('test-pack', 'meeting', 'invite', true);
      await until(() => boxes(el)[1]!.checked, 'the tick arrives through BroadcastChannel');
    });
  });

  describe('when the host sets the store after adding the element', () => {
    it('follows that store: the progress text counts the ticks, and a reset clears the boxes', async () => {
      const pack = await ownPack();
      const store = createProgressStore(createRecordStore(uniqueName('nk-progress'), { broadcast: false }));
      const el = document.createElement('nk-network-checklist') as NkNetworkChecklist;
      el.lang = 'en';
      el.packData = pack;
      el.setAttribute('checklist', 'meeting');
      document.body.append(el);
      try {
        el.store = store;
        await ready(el);
        boxes(el)[0]!.click();
        await until(() => progressText(el) === '1 of 3 done', 'the first tick is counted');
        boxes(el)[1]!.click();
        await until(() => progressText(el) === '2 of 3 done', 'the second tick is counted');
        expect(Object.keys(await store.get(pack.id, 'meeting')).sort()).to.deep.equal(['agenda', 'invite']);
        expect(await sharedProgressStore().get(pack.id, 'meeting')).to.deep.equal({});
        $(el, '#reset')!.click();
        await until(() => $(el, '.confirm'), 'asks first');
        buttonNamed(el, 'Yes, clear').click();
        await until(() => progressText(el) === '0 of 3 done' && boxes(el).every((box) => !box.checked), 'the boxes are cleared');
      } finally {
        el.remove();
      }
    });
  });

  describe('when the pack changes', () => {
    it('drops ticks of removed items and shows new items unticked', async () => {
      const pack = await ownPack();
      await sharedProgressStore().setItem(pack.id, 'meeting', 'agenda', true);
      await sharedProgressStore().setItem(pack.id, 'meeting', 'invite', true);
      const changed = structuredClone(pack);
      changed.checklists![0]!.items = [
        { id: 'agenda', text: 'Write the agenda' },
        { id: 'new-step', text: 'A new step' },
        { id: 'follow', text: 'Follow up' },
      ];
      const el = await checklist(html`<nk-network-checklist lang="en" .packData=${changed} checklist="meeting"></nk-network-checklist>`);
      await until(() => boxes(el)[0]!.checked, 'the kept tick shows');
      expect(boxes(el).map((b) => [b.value, b.checked])).to.deep.equal([
        ['agenda', true],
        ['new-step', false],
        ['follow', false],
      ]);
      expect(progressText(el)).to.equal('1 of 3 done');
    });
  });

  describe('when an item has a tip', () => {
    it('expands to the tip as text, also with the keyboard', async () => {
      const el = await checklist();
      const tips = [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details[part=tip]')];
      expect(tips).to.have.length(2);
      const summary = tips[0]!.querySelector('summary')!;
      expect(summary.textContent).to.equal('Tip: Put risks on the agenda');
      await press(summary, 'Enter');
      await until(() => tips[0]!.open, 'the tip opens');
      expect(tips[0]!.textContent).to.contain('Coördinate early.');
      await expect(el).to.be.accessible();
    });
  });

  describe('when an item has a template', () => {
    let clipboard: ReturnType<typeof stubClipboard>;
    beforeEach(() => (clipboard = stubClipboard()));
    afterEach(() => clipboard.restore());
    const copyTemplate = (el: Element) => $<HTMLButtonElement>(el, 'button[part~=copy-template]')!;

    it('shows it under that item, with a copy button and a mailto: link named after it', async () => {
      const el = await checklist();
      const templates = [...el.shadowRoot!.querySelectorAll('[part=template]')];
      expect(templates, 'one item has a template').to.have.length(1);
      expect(templates[0]!.closest('[part=item]')!.querySelector('label')!.textContent).to.equal('Follow up');
      expect(copyTemplate(el).getAttribute('aria-label')).to.equal('Copy e-mail: Follow-up e-mail');
      const link = $<HTMLAnchorElement>(el, 'a[part=template-mail]')!;
      expect(link.getAttribute('aria-label')).to.equal('Open as e-mail: Follow-up e-mail');
      const url = new URL(link.href);
      expect([...url.searchParams.keys()]).to.deep.equal(['subject', 'body']);
      expect(url.searchParams.get('subject')).to.equal('Thanks & next steps?=[date]');
      await expect(el).to.be.accessible();
    });

    it('copies it, says "Copied" in the status line and fires nk-copy', async () => {
      const el = await checklist();
      setTimeout(() => copyTemplate(el).click());
      const { detail } = await oneEvent(el, 'nk-copy');
      expect(detail).to.deep.equal({ text: 'Dear all,\nThanks for coming.\nAgreed: [what], [who], [when]\nBcc: not a header', template: 'follow-mail' });
      expect(clipboard.copied).to.deep.equal([detail.text]);
      await until(() => $(el, '[part=status]')!.textContent === 'Copied', 'the confirmation shows');
      expect($(el, '[part=status]')!.getAttribute('role')).to.equal('status');
      // Copying leaves the ticks alone.
      expect(boxes(el).some((box) => box.checked)).to.equal(false);
    });

    it('announces a second copy again', async () => {
      const el = await checklist();
      const texts = await saidOnSecondClick($(el, '[part=status]')!, copyTemplate(el), 'Copied', until);
      expect(texts).to.deep.equal(['', 'Copied']);
      expect(clipboard.copied).to.have.length(2);
    });
  });

  describe('when the user starts again', () => {
    it('asks first, moves focus, and clears only after "Yes, clear"', async () => {
      const el = await checklist();
      const saved = oneEvent(el, 'nk-progress-change');
      boxes(el)[0]!.click();
      await saved;
      $(el, '#reset')!.click();
      await until(() => el.shadowRoot!.activeElement === $(el, '#cancel'), 'focus moves to Cancel');
      expect($(el, '.confirm')!.textContent).to.contain('Clear all ticks of this list?');
      await expect(el).to.be.accessible();
      await press($(el, '#cancel')!, 'Enter');
      await until(() => el.shadowRoot!.activeElement === $(el, '#reset'), 'focus returns to the button');
      expect(boxes(el)[0]!.checked, 'cancel keeps the ticks').to.be.true;

      $(el, '#reset')!.click();
      await until(() => $(el, '.confirm'), 'asks again');
      const reset = oneEvent(el, 'nk-checklist-reset');
      buttonNamed(el, 'Yes, clear').click();
      expect((await reset).detail).to.deep.equal({ checklistId: 'meeting' });
      await until(() => progressText(el) === '0 of 3 done' && !boxes(el)[0]!.checked, 'ticks cleared');
      expect($(el, '[part=status]')!.textContent).to.equal('All ticks have been cleared.');
      await until(() => el.shadowRoot!.activeElement === $(el, '#reset'), 'focus returns to the button');
    });

    it('says so again on a second reset, and not after the next tick', async () => {
      const el = await checklist();
      const clear = async () => {
        $(el, '#reset')!.click();
        await until(() => $(el, '.confirm'), 'asks first');
        buttonNamed(el, 'Yes, clear').click();
        await until(() => $(el, '[part=status]')!.textContent === 'All ticks have been cleared.', 'the reset is announced');
      };
      await clear();
      const saved = oneEvent(el, 'nk-progress-change');
      boxes(el)[0]!.click();
      await saved;
      await el.updateComplete;
      expect($(el, '[part=status]')!.textContent, 'the message went with the next tick').to.equal('');
      const record = recordTexts($(el, '[part=status]')!);
      await clear();
      record.stop();
      expect(record.texts.at(-1)).to.equal('All ticks have been cleared.');
    });

    it('closes the question with Escape', async () => {
      const el = await checklist();
      $(el, '#reset')!.click();
      await until(() => el.shadowRoot!.activeElement === $(el, '#cancel'), 'focus moves to Cancel');
      await press($(el, '#cancel')!, 'Escape');
      await until(() => !$(el, '.confirm') && el.shadowRoot!.activeElement === $(el, '#reset'), 'closed, focus back');
    });
  });

  describe('when the user exports', () => {
    it('prints through window.print', async () => {
      const el = await checklist();
      const print = window.print;
      let printed = 0;
      window.print = () => void printed++;
      try {
        const event = oneEvent(el, 'nk-export');
        buttonNamed(el, 'Print').click();
        expect((await event).detail).to.deep.equal({ kind: 'print' });
        expect(printed).to.equal(1);
      } finally {
        window.print = print;
      }
    });

    it('copies a plain-text agenda with [x]/[ ] and the tip titles', async () => {
      const el = await checklist();
      const saved = oneEvent(el, 'nk-progress-change');
      boxes(el)[0]!.click();
      await saved;
      const clipboard = navigator.clipboard;
      const writeText = clipboard.writeText;
      let copied = '';
      clipboard.writeText = async (text: string) => void (copied = text);
      try {
        const event = oneEvent(el, 'nk-export');
        buttonNamed(el, 'Copy as agenda').click();
        expect((await event).detail).to.deep.equal({ kind: 'copy' });
      } finally {
        clipboard.writeText = writeText;
      }
      expect(copied.split('\n')).to.deep.equal([
        'Organise a meeting',
        '',
        '[x] Write the agenda',
        '    Tip: Put risks on the agenda',
        '[ ] Invite the partners',
        '[ ] Follow up',
        '    Tip: Follow up',
        '',
        '1 of 3 done',
      ]);
      await until(() => $(el, '[part=status]')!.textContent === 'Copied', 'says it copied');
    });

    it('downloads an .ics follow-up with the open items and a reminder', async () => {
      const pack = await ownPack((p) => {
        p.checklists![0]!.title = 'Overleg; jeugd, wijk \\ and a long title that needs folding in the file';
        p.checklists![0]!.items[1]!.text = 'Coördinatie met alle partners in de wijk, één voor één bellen en mailen';
      });
      const el = await checklist(html`<nk-network-checklist lang="en" .packData=${pack} checklist="meeting"></nk-network-checklist>`);
      const saved = oneEvent(el, 'nk-progress-change');
      boxes(el)[0]!.click();
      await saved;
      $<HTMLInputElement>(el, 'input[type=date]')!.value = '2031-03-14';
      const exported = oneEvent(el, 'nk-export');
      const file = await captureDownload(() => buttonNamed(el, 'Add to your calendar (.ics)').click());
      expect((await exported).detail).to.deep.equal({ kind: 'ics' });
      expect(file.name).to.equal('meeting.ics');
      expect(file.type).to.equal('text/calendar');

      const calendar = parseIcs(file.text);
      expect(calendar.name).to.equal('VCALENDAR');
      expect(calendar.props.VERSION!.value).to.equal('2.0');
      expect(calendar.props.PRODID!.value).to.match(/Netwerkkracht/);
      const event = calendar.children[0]!;
      expect(event.name).to.equal('VEVENT');
      expect(event.props.UID!.value).to.match(/\S+@\S+/);
      expect(event.props.DTSTAMP!.value).to.match(/^\d{8}T\d{6}Z$/);
      expect(event.props.DTSTART).to.deep.equal({ params: { VALUE: 'DATE' }, value: '20310314' });
      expect(event.props.SUMMARY!.value).to.equal('Follow up: Overleg; jeugd, wijk \\ and a long title that needs folding in the file');
      const description = event.props.DESCRIPTION!.value;
      expect(description).to.contain('- Coördinatie met alle partners in de wijk, één voor één bellen en mailen');
      expect(description).to.contain('- Follow up');
      expect(description, 'ticked items are not listed').not.to.contain('Write the agenda');
      const alarm = event.children[0]!;
      expect(alarm.name).to.equal('VALARM');
      expect(alarm.props.ACTION!.value).to.equal('DISPLAY');
      expect(alarm.props.TRIGGER!.value).to.match(/^-?P/);
      expect(alarm.props.DESCRIPTION!.value).to.contain('Follow up:');
    });

    it('asks for a date when none is chosen', async () => {
      const el = await checklist();
      $<HTMLInputElement>(el, 'input[type=date]')!.value = '';
      buttonNamed(el, 'Add to your calendar (.ics)').click();
      await until(() => $(el, '[part=status]')!.textContent === 'Choose a date first.', 'asks for a date');
      await expect(el).to.be.accessible();
    });
  });

  describe('when storage is unavailable', () => {
    it('keeps working and says that progress will not be kept', async () => {
      const store = createProgressStore(createRecordStore(uniqueName('nk-progress'), { broadcast: false }));
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      };
      try {
        const el = await checklist(html`<nk-network-checklist lang="en" pack=${PACK} checklist="meeting" .store=${store}></nk-network-checklist>`);
        const saved = oneEvent(el, 'nk-progress-change');
        boxes(el)[0]!.click();
        await saved;
        expect(store.mode).to.equal('memory');
        await until(() => $(el, '[part=notice]'), 'the notice shows');
        expect($(el, '[part=notice]')!.textContent).to.contain('not being saved');
        expect(progressText(el)).to.equal('1 of 3 done');
        await expect(el).to.be.accessible();
      } finally {
        IDBFactory.prototype.open = open;
      }
    });
  });

  describe('when the checklist id is unknown', () => {
    it('says so in a readable alert', async () => {
      const el = await checklist(html`<nk-network-checklist lang="en" pack=${PACK} checklist="nope"></nk-network-checklist>`);
      const alert = $(el, '[part=error]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.equal('The checklist "nope" is not in this content.');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the checklist id is corrected', () => {
    it('removes the alert and shows the checklist', async () => {
      const el = await checklist(html`<nk-network-checklist lang="en" pack=${PACK} checklist="nope"></nk-network-checklist>`);
      expect($(el, '[part=error]')!.textContent).to.equal('The checklist "nope" is not in this content.');
      el.checklist = 'meeting';
      await until(() => boxes(el).length === 3, 'the checklist shows');
      expect($(el, '[part=error]')?.textContent ?? 'no alert').to.equal('no alert');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the pack cannot be loaded', () => {
    it('shows an alert and throws nothing', async () => {
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(e);
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onError);
      try {
        const el = await fixture<NkNetworkChecklist>(
          html`<nk-network-checklist lang="en" pack="/test-server/status/404" checklist="meeting"></nk-network-checklist>`,
        );
        await until(() => $(el, '[part=error]'), 'the error shows');
        expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
        expect($(el, '[part=error]')!.textContent).to.match(/^The content could not be loaded: .+/);
        await expect(el).to.be.accessible();
        expect(errors).to.deep.equal([]);
      } finally {
        removeEventListener('error', onError);
        removeEventListener('unhandledrejection', onError);
      }
    });
  });

  describe('when no pack is given', () => {
    before(() => setDefaultPackBase('/packages/content/packs/'));

    it("uses the default pack and interface of each element's language", async () => {
      const wrapper = fixtureSync(html`<div>
        <nk-network-checklist lang="nl" checklist="na-het-overleg"></nk-network-checklist>
        <div lang="en"><nk-network-checklist checklist="na-het-overleg"></nk-network-checklist></div>
      </div>`);
      const [nl, en] = [...wrapper.querySelectorAll('nk-network-checklist')];
      await ready(nl!);
      await ready(en!);
      expect($(nl!, '[part=heading]')!.textContent).to.equal('Aan het eind van het overleg');
      expect(progressText(nl!)).to.equal('0 van 9 gedaan');
      expect(buttonNamed(nl!, 'Afdrukken')).to.exist;
      expect($(en!, '[part=heading]')!.textContent).to.equal('At the end of the meeting');
      expect(progressText(en!)).to.equal('0 of 9 done');
      await expect(nl).to.be.accessible();
      await expect(en).to.be.accessible();
    });

    it('keeps the ticks when the language changes: the translations share one pack id', async () => {
      const store = createProgressStore(createRecordStore(uniqueName('nk-progress'), { broadcast: false }));
      const el = await checklist(html`<nk-network-checklist lang="nl" checklist="na-het-overleg" .store=${store}></nk-network-checklist>`);
      await until(() => progressText(el) === '0 van 9 gedaan', 'the Dutch list shows');
      boxes(el)[0]!.click();
      await until(() => progressText(el) === '1 van 9 gedaan', 'the tick is counted');
      el.lang = 'en';
      await until(
        () => $(el, '[part=heading]')?.textContent === 'At the end of the meeting' && progressText(el) === '1 of 9 done',
        'the tick stays in English',
      );
      expect(boxes(el)[0]!.checked).to.equal(true);
    });
  });

  describe('when a site sets theme tokens', () => {
    it('uses --nk-* tokens, then --basis-* tokens, and theme="dark"', async () => {
      const wrapper = fixtureSync(html`<div>
        <div style="--nk-color-accent: rgb(1, 2, 3)"><nk-network-checklist lang="en" pack=${PACK} checklist="meeting"></nk-network-checklist></div>
        <div style="--basis-color-action-1-color-default: rgb(4, 5, 6)"><nk-network-checklist lang="en" pack=${PACK} checklist="meeting"></nk-network-checklist></div>
        <nk-network-checklist lang="en" pack=${PACK} checklist="meeting" theme="dark"></nk-network-checklist>
      </div>`);
      const [nk, basis, dark] = [...wrapper.querySelectorAll('nk-network-checklist')];
      for (const el of [nk, basis, dark]) await ready(el!);
      expect(getComputedStyle($(nk!, 'summary')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(nk!, '.reminder .primary')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(basis!, 'summary')!).color).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle($(dark!, '[part~=base]')!).backgroundColor).to.equal('rgb(28, 33, 41)');
      await expect(dark).to.be.accessible();
    });
  });

  describe('when the pack holds HTML and script payloads', () => {
    it('shows them as literal text and runs nothing', async () => {
      let calls = 0;
      (window as unknown as { __xss: () => void }).__xss = () => void calls++;
      const el = await checklist(html`<nk-network-checklist lang="en" pack=${fixtureUrl('packs/xss.json')}></nk-network-checklist>`);
      const root = el.shadowRoot!;
      expect($(el, '[part=heading]')!.textContent).to.contain('<img src=x onerror="window.__xss()">');
      expect(root.querySelector('label')!.textContent).to.contain('<script>window.__xss()</script>');
      for (const details of root.querySelectorAll('details')) details.open = true;
      expect(root.querySelector('details')!.textContent).to.contain('javascript:window.__xss()');
      expect(root.querySelectorAll('img, script, iframe, [onerror]')).to.have.length(0);
      expect(root.querySelectorAll('[href^="javascript:" i]')).to.have.length(0);
      await expect(el).to.be.accessible();
      expect(calls).to.equal(0);
    });
  });

  describe('when it is 320 px wide', () => {
    before(() => setDefaultPackBase('/packages/content/packs/'));

    it('keeps everything inside its width, in Dutch and in English', async () => {
      for (const lang of ['nl', 'en']) {
        const wrapper = await fixture(
          html`<div style="inline-size: 320px"><nk-network-checklist lang=${lang} checklist="netwerkbijeenkomst-organiseren"></nk-network-checklist></div>`,
        );
        const el = await ready(wrapper.querySelector('nk-network-checklist')!);
        expect($(el, '[part=error]'), lang).to.equal(null);
        // Every item opened to its tip as well.
        for (const summary of el.shadowRoot!.querySelectorAll<HTMLElement>('summary')) summary.click();
        await el.updateComplete;
        expect(el.getBoundingClientRect().width, lang).to.be.at.most(320);
        expect(sticksOut(el), lang).to.deep.equal([]);
      }
    });
  });

  describe('when the host page has aggressive CSS', () => {
    it('stays readable and operable', async () => {
      const style = document.createElement('style');
      style.textContent = '* { all: unset !important } html { font-size: 48px } button { display: none !important }';
      document.head.append(style);
      try {
        const el = await checklist();
        expect(getComputedStyle(el).display).to.equal('block');
        for (const selector of ['[part=heading]', 'label', 'input[type=checkbox]', '#reset', '[part=progress-text]']) {
          const part = $(el, selector)!;
          expect(getComputedStyle(part).display, selector).not.to.equal('none');
          expect(getComputedStyle(part).visibility, selector).to.equal('visible');
          expect(part.getBoundingClientRect().height, selector).to.be.greaterThan(0);
        }
        $(el, '#reset')!.click();
        await until(() => $(el, '.confirm'), 'the button still works');
        boxes(el)[0]!.click();
        await until(() => progressText(el) === '1 of 3 done', 'the checkbox still works');
      } finally {
        style.remove();
      }
    });
  });

  describe('when the bundle is loaded twice', () => {
    it('does not throw on the second definition', () => {
      expect(() => define('nk-network-checklist', class extends HTMLElement {})).not.to.throw();
      expect(customElements.get('nk-network-checklist')!.name).to.equal('NkNetworkChecklist');
    });
  });
});
