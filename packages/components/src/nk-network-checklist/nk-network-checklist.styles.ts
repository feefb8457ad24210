import { css } from 'lit';

export const styles = css`
  /* Room while the pack loads: a default checklist is 2200 px tall on a phone and 1480 px in a
     640 px column; below a screen's height the rest is out of sight anyway. */
  :host {
    --_nk-reserve: var(--nk-placeholder-size, max(100vh, min(calc(2535px - 82.7vw), 140rem)));
  }
  .card > * + * {
    margin-block-start: var(--_nk-space);
  }
  .card > .status:empty,
  .card > .live:empty {
    margin: 0;
  }
  p {
    margin: 0;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  .card > .heading + .muted {
    margin-block-start: 0.25em;
  }
  .progress {
    display: grid;
    gap: 0.35em;
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.625rem;
    border: 0;
    border-radius: 1em;
    background: var(--_nk-subtle);
    box-shadow: inset 0 0 0 1px var(--_nk-border);
    color: var(--_nk-accent);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_nk-subtle);
    box-shadow: inset 0 0 0 1px var(--_nk-border);
  }
  progress::-webkit-progress-value {
    background: var(--_nk-accent);
    border-radius: 1em;
    transition: inline-size 0.3s;
  }
  progress::-moz-progress-bar {
    background: var(--_nk-accent);
    border-radius: 1em;
  }
  [part='progress-text'] {
    font-size: 0.875em;
    color: var(--_nk-muted);
  }
  .notice {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_nk-accent);
    border-radius: var(--_nk-radius);
    background: var(--_nk-subtle);
  }
  .items {
    list-style: none;
    margin-inline: 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.75em;
    padding-block: 0.75em;
    border-block-end: 1px solid var(--_nk-border);
  }
  li:first-child {
    border-block-start: 1px solid var(--_nk-border);
  }
  input[type='checkbox'] {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_nk-accent);
    cursor: pointer;
  }
  label {
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  li > label {
    padding-block-start: 0.1em;
  }
  :checked + label {
    color: var(--_nk-muted);
    text-decoration: line-through;
  }
  details {
    grid-column: 2;
    font-size: 0.9375em;
  }
  summary {
    inline-size: fit-content;
    margin-inline-start: 1em;
    list-style-position: outside;
    color: var(--_nk-accent);
    cursor: pointer;
  }
  details[open] {
    padding: 0.75em 1em;
    border-radius: var(--_nk-radius);
    background: var(--_nk-subtle);
  }
  details p {
    margin-block-start: 0.5em;
  }
  /* An item's template sits under its text, and is not drawn as one more item. */
  .templates {
    grid-column: 2;
  }
  .templates li {
    padding-block: 0.5em;
    border: 1px dashed var(--_nk-border);
  }
  .actions,
  .row,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  #reset {
    margin-inline-start: auto;
  }
  .confirm {
    flex-basis: 100%;
    padding: 0.75em;
    border: 1px solid var(--_nk-border);
    border-radius: var(--_nk-radius);
  }
  .confirm p {
    flex-basis: 100%;
    font-weight: 600;
  }
  fieldset {
    display: grid;
    gap: 0.35em;
    margin-inline: 0;
    padding: 0.5em var(--_nk-space) var(--_nk-space);
    border: 1px solid var(--_nk-border);
    border-radius: var(--_nk-radius);
  }
  legend {
    padding-inline: 0.25em;
    font-weight: 600;
  }
  input[type='date'] {
    min-block-size: 2.75rem;
    padding-inline: 0.5em;
    border: 1px solid var(--_nk-border);
    border-radius: var(--_nk-radius);
    background: var(--_nk-bg);
  }
  @media (forced-colors: active) {
    progress {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
      background: Canvas;
    }
    progress::-webkit-progress-value {
      background: Highlight;
    }
    progress::-moz-progress-bar {
      background: Highlight;
    }
  }
  @media print {
    fieldset,
    .status {
      display: none;
    }
  }
`;
