import { css } from 'lit';

// .card and .body are flex columns rather than grids: the same stack and gaps, with less layout
// work and memory per card on a page of many cards.
export const styles = css`
  /* Room the card takes while its pack loads: a default-pack tip is 470 px tall on a phone and
     320 px in a 640 px column. */
  :host {
    --_nk-reserve: var(--nk-placeholder-size, clamp(18rem, calc(535px - 17vw), 30rem));
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_nk-space) * 0.75);
    border-block-start: 4px solid var(--_nk-accent);
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
    display: flex;
    flex-direction: column;
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
    background: var(--_nk-subtle);
    font-size: 0.875em;
  }
  .source {
    margin: 0;
    padding-block-start: 0.75em;
    border-block-start: 1px solid var(--_nk-border);
    color: var(--_nk-muted);
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
    border-color: var(--_nk-accent);
    background: var(--_nk-subtle);
  }
  [aria-pressed='true'] .icon {
    fill: var(--_nk-accent);
    stroke: var(--_nk-accent);
  }
  .status {
    color: var(--_nk-accent);
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
