// A fresh page view in an iframe: its own realm (own module instances, own custom-element
// registry, own in-page pack loads), the same origin (the same IndexedDB) as the test page.
import { until } from '../components/harness.js';

export interface PageView {
  iframe: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  /** Adds a module script and waits until it has run (`ready` is true in the frame). */
  load(src: string, ready: (win: Window & typeof globalThis) => unknown): Promise<void>;
  close(): void;
}

/** The elements' source, as the dev server serves it to a page. */
export const COMPONENTS = '/packages/components/src/index.ts';
/** The embeddable loader (one chunk per element, loaded when a page uses the tag). */
export const WIDGETS = '/widgets/src/netwerkkracht.ts';

/** Opens `body` as a page of its own. No script runs in it until `load()`. */
export async function pageView(body = ''): Promise<PageView> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'inline-size: 800px; block-size: 600px; border: 0';
  iframe.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Window & typeof globalThis;
  const doc = iframe.contentDocument!;
  return {
    iframe,
    win,
    doc,
    async load(src, ready) {
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = new URL(src, location.href).href;
      doc.head.append(script);
      await until(() => ready(win), `${src} has run in the frame`);
    },
    close: () => iframe.remove(),
  };
}
