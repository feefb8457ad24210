import { css } from 'lit';

export const styles = css`
  .card {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    border-block-start: 4px solid var(--_accent);
  }
  .heading {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  ::slotted([slot='title']) {
    margin: 0;
    font: inherit;
    color: inherit;
  }
  .body {
    display: grid;
    gap: 0.6em;
  }
  .body p,
  .body ::slotted(*) {
    margin: 0;
  }
  .tags,
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tags {
    gap: 0.4em;
  }
  [part='tag'] {
    padding-block: 0.1em;
    padding-inline: 0.75em;
    border-radius: 999px;
    background: var(--_subtle);
    font-size: 0.875em;
  }
  .source {
    margin: 0;
    padding-block-start: 0.75em;
    border-block-start: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .actions button {
    padding-inline: 0.7em;
    font-size: 0.9375em;
  }
  [aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_subtle);
  }
  [aria-pressed='true'] .icon {
    fill: var(--_accent);
    stroke: var(--_accent);
  }
  .status {
    color: var(--_accent);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .card {
      border-block-start-width: 4px;
    }
    [part='tag'] {
      border: 1px solid CanvasText;
    }
    [aria-pressed='true'] .icon {
      fill: Highlight;
    }
  }
`;
