import { css } from 'lit';

export const styles = css`
  /* Room while the pack loads: the tip of the day with the role picker is about 545 px tall on a
     phone; a list is longer than the screen, so a screen's height keeps what follows still. */
  :host {
    --_nk-reserve: var(--nk-placeholder-size, 100vh);
  }
  :host([mode='daily']) {
    --_nk-reserve: var(--nk-placeholder-size, clamp(24rem, calc(593px - 13.4vw), 36rem));
  }
  .card > * + * {
    margin-block-start: var(--_nk-space);
  }
  p,
  ul {
    margin: 0;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  .search,
  .audience {
    display: grid;
    gap: 0.35em;
  }
  label {
    font-weight: 600;
  }
  input,
  select {
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding-inline: 0.75em;
    border: 1px solid var(--_nk-muted);
    border-radius: var(--_nk-radius);
    background: var(--_nk-bg);
  }
  .chips,
  .tags {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .chips button {
    min-block-size: 2.25rem;
    padding-inline: 0.9em;
    border-radius: 2em;
    font-size: 0.9375em;
  }
  .chips [aria-pressed='true'] {
    background: var(--_nk-accent);
    border-color: var(--_nk-accent);
    color: var(--_nk-accent-fg);
  }
  .count,
  .source,
  .audiences {
    color: var(--_nk-muted);
    font-size: 0.875em;
  }
  .list {
    display: grid;
    gap: 0.75em;
    padding: 0;
    list-style: none;
  }
  /* One column; the source shares its row with the favourite button. */
  .tip {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.5em;
    padding: var(--_nk-space);
    border: 1px solid var(--_nk-border);
    border-radius: var(--_nk-radius);
    overflow-wrap: anywhere;
  }
  .tip > * {
    grid-column: 1 / -1;
  }
  .tip > .source {
    grid-column: 1;
  }
  .tip > .fav {
    grid-column: 2;
  }
  .body {
    display: grid;
    gap: 0.5em;
  }
  .daily .tip {
    border: 0;
    border-inline-start: 4px solid var(--_nk-accent);
    background: var(--_nk-subtle);
  }
  .title {
    font-size: 1.0625em;
    font-weight: 700;
    line-height: 1.35;
  }
  .links {
    padding-inline-start: 1.25em;
  }
  .tags {
    padding: 0;
    list-style: none;
  }
  .tags li {
    padding: 0.1em 0.65em;
    border-radius: 2em;
    background: var(--_nk-subtle);
    font-size: 0.8125em;
  }
  .daily .tags li {
    background: var(--_nk-bg);
  }
  .fav {
    min-block-size: 2.25rem;
    font-size: 0.875em;
  }
  .fav[aria-pressed='true'] {
    border-color: var(--_nk-accent);
    background: var(--_nk-subtle);
  }
  .fav[aria-pressed='true'] .icon {
    fill: var(--_nk-accent);
    stroke: var(--_nk-accent);
  }
  .more {
    justify-content: center;
    inline-size: 100%;
  }
  @media (forced-colors: active) {
    .fav[aria-pressed='true'] .icon {
      fill: Highlight;
    }
    .chips [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  @media print {
    .search,
    .chips,
    .fav {
      display: none !important;
    }
  }
`;
