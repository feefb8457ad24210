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

function show(): void {
  if (document.getElementById(HOST_ID)) return;
  const host = document.createElement('div');
  host.id = HOST_ID;
  // Inline styles on our own host element: the page's stylesheet cannot be trusted to leave it alone.
  host.style.cssText = 'all:initial;position:fixed;inset-block-end:16px;inset-inline-end:16px;z-index:2147483646;';
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = api.runtime.getURL('launcher.html');
  frame.title = 'Netwerkkracht';
  frame.style.cssText = 'border:0;inline-size:320px;block-size:112px;max-inline-size:calc(100vw - 32px);border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.18);color-scheme:normal;';
  root.append(frame);
  document.documentElement.append(host);
}

api.runtime.onMessage.addListener((message, sender) => {
  if (sender.id === api.runtime.id && message?.type === 'nk-launcher-remove') document.getElementById(HOST_ID)?.remove();
});

api.runtime.sendMessage({ type: 'nk-launcher-check', url: location.href }).then(
  (answer) => {
    if ((answer as { show?: boolean } | undefined)?.show === true) show();
  },
  () => undefined,
);
