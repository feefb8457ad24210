// Runs only on the sites the user granted. It reads nothing but the page's address, asks the
// background whether a tip fits, and shows the launcher: an extension page in an iframe inside a
// closed shadow root (custom elements do not exist in Chromium content scripts, and the page's CSS
// and scripts cannot reach into a closed root).
interface Runtime {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: (message: { type?: string }, sender: { id?: string }) => void): void };
}
// No webextension-polyfill here: the content script stays tiny. Chrome 148+ and Firefox have
// `browser`; older Chrome has the same promise-returning methods on `chrome`.
const scope = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
const api = (scope.browser ?? scope.chrome)!;
const HOST_ID = 'netwerkkracht-launcher';

/** The launcher on the page, the tip it shows, and the tip the user closed on this page. */
let host: HTMLElement | undefined;
let frame: HTMLIFrameElement | undefined;
let shownTip: string | undefined;
let closedTip: string | undefined;
/** The page element that last lost focus: where focus goes back when the launcher that took it goes. */
let lastFocused: HTMLElement | SVGElement | undefined;

function show(tip: string): void {
  host = document.createElement('div');
  host.id = HOST_ID;
  // Inline styles on our own host element: the page's stylesheet cannot be trusted to leave it alone.
  // Transparent and inert until the frame has said how tall it is: a launcher that grows as it
  // appears moves its buttons from under a pointer on its way to one of them. Not hidden:
  // Chromium pauses rendering in a hidden frame from another origin, so it would never say.
  host.style.cssText = 'all:initial;position:fixed;inset-block-end:16px;inset-inline-end:16px;z-index:2147483646;opacity:0;';
  host.inert = true;
  const root = host.attachShadow({ mode: 'closed' });
  frame = document.createElement('iframe');
  frame.src = api.runtime.getURL('launcher.html');
  frame.title = 'Netwerkkracht';
  // The frame says how tall its content is (see the message listener), and shows once it has.
  frame.style.cssText =
    'border:0;inline-size:320px;block-size:112px;max-inline-size:calc(100vw - 32px);max-block-size:calc(100vh - 32px);border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.18);color-scheme:normal;';
  root.append(frame);
  document.documentElement.append(host);
  shownTip = tip;
}

function remove(): void {
  if (!host) return;
  // Focus inside the launcher's frame shows as focus on its host; removed, it would fall to <body>.
  const hadFocus = document.activeElement === host;
  host.remove();
  host = frame = shownTip = undefined;
  if (hadFocus && lastFocused?.isConnected) lastFocused.focus({ preventScroll: true });
}

/** Answers to older questions are dropped: the address may have changed again meanwhile. */
let asked = 0;

function check(): void {
  const question = ++asked;
  api.runtime.sendMessage({ type: 'nk-launcher-check', url: location.href }).then(
    (answer) => {
      if (question !== asked) return;
      const { show: wanted, tip } = (answer ?? {}) as { show?: boolean; tip?: unknown };
      if (wanted !== true || typeof tip !== 'string') remove();
      // The same tip stays as it is; the one the user closed comes back only with a page load.
      else if (tip !== shownTip && tip !== closedTip) {
        remove();
        show(tip);
      }
    },
    () => undefined,
  );
}

// Only a reference is kept, for handing focus back; nothing is read from the element.
document.addEventListener(
  'focusout',
  (event) => {
    const element = event.composedPath()[0];
    if (element !== host && (element instanceof HTMLElement || element instanceof SVGElement)) lastFocused = element;
  },
  true,
);

/**
 * Where the launcher page runs: Chrome frames it from a per-session address (use_dynamic_url) but
 * runs it in the extension's own origin; Firefox uses one address for both.
 */
const ownOrigins = (src: string) => [new URL(src).origin, `chrome-extension://${api.runtime.id}`];

window.addEventListener('message', (event) => {
  // Only our own frame, still showing our own page (the page may navigate a frame it contains).
  if (!frame || event.source !== frame.contentWindow || !ownOrigins(frame.src).includes(event.origin)) return;
  const { type, height } = (event.data ?? {}) as { type?: unknown; height?: unknown };
  if (type !== 'nk-launcher-height' || typeof height !== 'number' || !Number.isFinite(height)) return;
  frame.style.blockSize = `${Math.min(Math.max(Math.ceil(height), 48), 480)}px`;
  // Set, not removed: without its own value, Firefox lets the page's rules decide the opacity.
  host!.style.opacity = '1';
  host!.inert = false;
});

api.runtime.onMessage.addListener((message, sender) => {
  if (sender.id !== api.runtime.id) return;
  if (message?.type === 'nk-launcher-remove') {
    closedTip = shownTip;
    remove();
  } else if (message?.type === 'nk-launcher-recheck') check();
});

check();
