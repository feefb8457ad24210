// The launcher's own page, framed beside a granted tool. It asks the background for the tip of
// its tab, and opens the panel straight from the user's click (browsers refuse it otherwise).
import { isEmailTemplate, templateMailto } from '@netwerkkracht/core';
import { browser, msg, openPanel } from './platform.js';
import type { LauncherTip, Message } from './messages.js';
import { $ } from './dom.js';

const send = (message: Message) => browser.runtime.sendMessage(message);

async function start(): Promise<void> {
  const tip = (await send({ type: 'nk-launcher-tip' })) as LauncherTip | undefined;
  if (!tip) {
    await send({ type: 'nk-launcher-dismiss', scope: 'once' });
    return;
  }
  document.documentElement.lang = tip.locale;
  $('label').textContent = msg('launcherLabel');
  $('title').textContent = tip.title;
  $('open').textContent = msg('launcherOpen');
  $('snooze').textContent = msg('launcherSnooze');
  $('not-here').textContent = msg('launcherNotHere');
  $('close-label').textContent = msg('launcherClose');
  // Firefox gives an extension page framed in a web page the content scripts' APIs only: no
  // `tabs` (nor `sidebarAction`). Its launcher still shows, sizes itself and closes.
  const tab = await browser.tabs?.getCurrent();
  $('open').addEventListener('click', () => {
    // Straight from the click, before any await: browsers open a side panel from a click only.
    if (browser.tabs) openPanel(tab?.id).catch((error: unknown) => console.warn('Netwerkkracht:', error));
    // The tip is noted first, so that the panel brings it forward when it opens.
    void send({ type: 'nk-launcher-opened', tipId: tip.id }).then(() => (browser.tabs ? undefined : send({ type: 'nk-launcher-panel-tab' })));
  });
  $('snooze').addEventListener('click', () => void send({ type: 'nk-launcher-dismiss', scope: 'today' }));
  $('not-here').addEventListener('click', () => void send({ type: 'nk-launcher-dismiss', scope: 'site' }));
  $('close').addEventListener('click', () => void send({ type: 'nk-launcher-dismiss', scope: 'once' }));
  if (tip.template) showTemplate(tip.template);
  const main = document.querySelector('main')!;
  main.hidden = false;
  // The page's content script sizes the frame to its content, so that a long title does not push
  // the buttons out of view. It checks that this comes from its own frame; a height tells the page
  // nothing, so any parent may receive it.
  new ResizeObserver(() => {
    parent.postMessage({ type: 'nk-launcher-height', height: main.getBoundingClientRect().height }, '*');
  }).observe(main);
}

const COPY_LABEL = {
  agenda: 'launcherCopyAgenda',
  invitation: 'launcherCopyInvitation',
  'follow-up': 'launcherCopyEmail',
  email: 'launcherCopyEmail',
} as const;

/** A template beside the tool: copied as the elements copy, or opened as a new e-mail where it is one. */
function showTemplate(template: NonNullable<LauncherTip['template']>): void {
  const copy = $('copy-template');
  const action = msg(COPY_LABEL[template.kind]);
  copy.textContent = action;
  copy.setAttribute('aria-label', `${action}: ${template.title}`);
  const status = $('template-status');
  let timer: ReturnType<typeof setTimeout> | undefined;
  copy.addEventListener('click', async () => {
    clearTimeout(timer);
    // Emptied first, so that a second copy is announced again.
    status.textContent = '';
    let copied = false;
    try {
      copied = await (await import('@netwerkkracht/components/clipboard.js')).copyText(template.text);
    } catch {
      // The chunk did not load: said below, as a failed copy.
    }
    status.textContent = msg(copied ? 'launcherCopied' : 'launcherCopyFailed');
    timer = setTimeout(() => (status.textContent = ''), 6000);
  });
  if (isEmailTemplate(template)) {
    const mail = $('mail-template') as HTMLAnchorElement;
    mail.textContent = msg('launcherOpenAsEmail');
    mail.setAttribute('aria-label', `${msg('launcherOpenAsEmail')}: ${template.title}`);
    mail.href = templateMailto(template);
    // A new tab rather than this small frame: a mail site that handles mailto: opens its form there.
    mail.target = '_blank';
    mail.rel = 'noopener';
    mail.hidden = false;
  }
  $('template').hidden = false;
}

start().catch((error: unknown) => console.warn('Netwerkkracht:', error));
