import { css } from 'lit';

export const styles = css`
  /* Room while a pack's contact loads: 550 px tall on a phone, 410 px in a 640 px column. */
  :host {
    --_nk-reserve: var(--nk-placeholder-size, clamp(24rem, calc(608px - 15.5vw), 36rem));
  }
  .card {
    display: grid;
    gap: var(--_nk-space);
  }
  .top {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_nk-space) * 0.9);
  }
  .avatar {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 3.2em;
    block-size: 3.2em;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_nk-accent);
    color: var(--_nk-accent-fg);
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.03em;
  }
  .who {
    display: grid;
    gap: 0.1em;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .who p {
    margin: 0;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  .badge {
    justify-self: start;
    margin-block-start: 0.4em !important;
    padding-block: 0.1em;
    padding-inline: 0.65em;
    border: 1px dashed var(--_nk-muted);
    border-radius: 999px;
    color: var(--_nk-muted);
    font-size: 0.8em;
    font-weight: 600;
  }
  .details,
  dd {
    display: grid;
    gap: 0.6em;
    margin: 0;
  }
  .details div {
    display: grid;
    gap: 0.2em;
  }
  dt {
    color: var(--_nk-muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .tags,
  .links {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  [part='tag'] {
    padding-block: 0.1em;
    padding-inline: 0.75em;
    border-radius: 999px;
    background: var(--_nk-subtle);
    font-size: 0.875em;
  }
  .links {
    display: grid;
    gap: 0.35em;
  }
  .links li {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .links .icon {
    color: var(--_nk-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding-block-start: var(--_nk-space);
    border-block-start: 1px solid var(--_nk-border);
  }
  .actions button {
    padding-inline: 0.7em;
    font-size: 0.9375em;
  }
  .status {
    flex: 1 1 12em;
    color: var(--_nk-accent);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .avatar,
    [part='tag'] {
      border: 1px solid CanvasText;
    }
  }
`;
