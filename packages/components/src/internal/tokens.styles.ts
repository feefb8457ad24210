import { css, unsafeCSS } from 'lit';

// Dark defaults, used by `theme="dark"` and, with `theme="auto"` (the default), by a dark system
// setting. A site's --nk-… tokens win in both; NL Design System --basis-… tokens describe a light
// page, so they only feed the light theme. A list of declarations, not a rule, so it is kept out of
// the build's CSS minifier (which only takes whole rules).
const dark = unsafeCSS(`
  --_nk-fg: var(--nk-color-text, #e9edf2);
  --_nk-bg: var(--nk-color-background, #1c2129);
  --_nk-muted: var(--nk-color-muted, #b3bcc8);
  --_nk-accent: var(--nk-color-accent, #8cc2ff);
  --_nk-accent-fg: var(--nk-color-accent-text, #0b1622);
  --_nk-link: var(--nk-color-accent, #8cc2ff);
  --_nk-subtle: var(--nk-color-accent-subtle, #243447);
  --_nk-border: var(--nk-color-border, #3c4654);
  --_nk-focus: var(--nk-color-focus, #ffcd4a);
  color-scheme: dark;
`);

/**
 * Shared look of every element: `--nk-…` custom properties, falling back to NL Design System
 * `--basis-…` tokens, then to defaults; fonts inherit from the page.
 */
export const tokens = css`
  :host {
    /* Private tokens are --_nk-…, not the common --_…: a page's own "* { --_bg: … }" or
       "@property --_bg { inherits: false }" would otherwise reach into the elements. */
    /* After the --basis- tokens come Utrecht's component tokens (--utrecht-document-…, -link-…,
       -button-primary-action-…, -focus-…): the design system most municipal themes build on, and
       the only tokens some of them (the Utrecht theme itself, and Rijkshuisstijl's accent) set. */
    --_nk-font: var(--nk-font-family, var(--basis-text-font-family-default, var(--utrecht-document-font-family, inherit)));
    --_nk-fg: var(--nk-color-text, var(--basis-color-default-color-document, var(--utrecht-document-color, #1f2933)));
    --_nk-bg: var(--nk-color-background, var(--basis-color-default-bg-document, var(--utrecht-document-background-color, #ffffff)));
    --_nk-muted: var(--nk-color-muted, var(--basis-color-default-color-subtle, #4a5564));
    --_nk-accent: var(--nk-color-accent, var(--basis-color-action-1-color-default, var(--utrecht-button-primary-action-background-color, #0b5a9e)));
    --_nk-accent-fg: var(--nk-color-accent-text, var(--basis-color-action-1-inverse-color-default, var(--utrecht-button-primary-action-color, #ffffff)));
    --_nk-link: var(--nk-color-accent, var(--basis-color-action-1-color-default, var(--utrecht-link-color, #0b5a9e)));
    --_nk-subtle: var(--nk-color-accent-subtle, var(--basis-color-accent-1-bg-subtle, #eaf2fa));
    --_nk-border: var(--nk-color-border, var(--basis-color-default-border-subtle, #c8d1dc));
    --_nk-focus: var(--nk-color-focus, var(--basis-focus-outline-color, var(--utrecht-focus-outline-color, #c2410c)));
    --_nk-radius: var(--nk-radius, var(--basis-border-radius-md, 0.5rem));
    --_nk-space: var(--nk-space, var(--basis-space-block-md, 1rem));
    /* medium, not 1rem: the browser's text size, also on pages whose root is 62.5 % (10 px). */
    --_nk-size: var(--nk-font-size, medium);
    /* !important here outranks a host page's "* { all: unset !important }" (inner context wins). */
    display: block !important;
    box-sizing: border-box !important;
    max-inline-size: 100% !important;
    font-family: var(--_nk-font) !important;
    font-size: var(--_nk-size) !important;
    line-height: 1.5 !important;
    color: var(--_nk-fg) !important;
    white-space: normal !important;
    text-align: start !important;
    /* Inherited text effects a page means for its own text: a gradient-text rule's transparent
       fill would make every text invisible, vertical writing or a -9999px indent would lose it.
       The page's font family and direction still inherit; so does visibility, which a page sets
       on purpose to hide a container. */
    -webkit-text-fill-color: currentColor !important;
    -webkit-text-stroke-width: 0 !important;
    writing-mode: horizontal-tb !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    word-break: normal !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme])),
    :host([theme='auto']) {
      ${dark}
    }
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_nk-focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  a {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-block-size: 2.75rem;
    padding-block: 0.4em;
    padding-inline: 0.9em;
    border: 1px solid var(--_nk-border);
    border-radius: var(--_nk-radius);
    background: var(--_nk-bg);
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_nk-accent);
  }
  button.primary {
    background: var(--_nk-accent);
    border-color: var(--_nk-accent);
    color: var(--_nk-accent-fg);
  }
  a {
    color: var(--_nk-link);
    text-underline-offset: 0.15em;
  }
  .card {
    background: var(--_nk-bg);
    border: 1px solid var(--_nk-border);
    border-radius: var(--_nk-radius);
    padding: var(--_nk-space);
  }
  .muted {
    color: var(--_nk-muted);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part='error'] {
    margin: 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid #b42318;
    background: color-mix(in srgb, #b42318 8%, var(--_nk-bg));
    border-radius: var(--_nk-radius);
  }
  .skeleton {
    /* Each element sets --_nk-reserve to the height its content usually takes, per mode. */
    min-block-size: var(--_nk-reserve, 6rem);
    border-radius: var(--_nk-radius);
    background: var(--_nk-subtle);
  }
  .prerendered {
    background: none;
  }
  @media (forced-colors: active) {
    .card,
    button {
      border: 1px solid CanvasText;
    }
    button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  @media print {
    :host {
      color: #000 !important;
    }
    .card {
      border-color: #999;
      background: none;
    }
    button,
    .actions,
    [part='actions'] {
      display: none !important;
    }
  }
`;
