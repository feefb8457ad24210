import type { CSSResultOrNative } from 'lit';

/** Copies of each element's shared stylesheets for documents other than the one the code runs in. */
const sheetsPerDocument = new WeakMap<Document, Map<CSSResultOrNative, CSSStyleSheet>>();

function cssTextOf(style: CSSResultOrNative): string {
  return style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText;
}

/** `styles` as sheets of `doc`, made once per document and style. */
function sheetsIn(doc: Document, view: Window & typeof globalThis, styles: CSSResultOrNative[]): CSSStyleSheet[] {
  let sheets = sheetsPerDocument.get(doc);
  if (!sheets) sheetsPerDocument.set(doc, (sheets = new Map()));
  return styles.map((style) => {
    let sheet = sheets.get(style);
    if (!sheet) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(cssTextOf(style));
      sheets.set(style, sheet);
    }
    return sheet;
  });
}

/**
 * Gives `root` the element's styles as stylesheets of the document it is in now. Lit's shared
 * stylesheets belong to the document the code was loaded in: an element moved into an iframe's
 * document (adoptNode) loses them, and one first connected there makes Lit throw.
 */
export function adoptStylesIn(root: ShadowRoot, styles: CSSResultOrNative[]): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (doc === document) root.adoptedStyleSheets = styles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet!));
  // A document that renders nothing (template content, a new Document) gets none.
  else if (!view) root.adoptedStyleSheets = [];
  else root.adoptedStyleSheets = sheetsIn(doc, view, styles);
}
