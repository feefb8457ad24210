import { html, nothing } from 'lit';
import { fieldId, splitList, splitParagraphs } from './model.js';

/** What a field needs from the studio: the problems per field, and a way to change the pack. */
export interface FieldHost {
  /** Problems (CLI-formatted lines) by field path, e.g. `tips[0].title`. */
  problemsAt(path: string): string[];
  /** Runs `change` on the pack, then re-renders, validates and saves. */
  edit(change: () => void): void;
  /** What the user typed into a list field, kept while it still means the same list. */
  raw: Map<string, string>;
}

export interface FieldOptions {
  hint?: string;
  type?: 'text' | 'url' | 'email' | 'tel';
  multiline?: boolean;
  required?: boolean;
  autocomplete?: string;
}

/** `a, b` in a value shows what the list holds; the user's own text wins while it means the same. */
function shown(host: FieldHost, path: string, derived: string, parse: (text: string) => string[], list: string[]): string {
  const typed = host.raw.get(path);
  return typed !== undefined && same(parse(typed), list) ? typed : derived;
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * A labelled input whose problems sit right under it: `aria-invalid` and `aria-describedby` point
 * at the message, which is the line the CLI prints for that path.
 */
export function field(host: FieldHost, path: string, label: string, value: string, set: (value: string) => void, options: FieldOptions = {}) {
  const id = fieldId(path);
  const problems = host.problemsAt(path);
  const described = [options.hint ? `${id}-hint` : '', problems.length ? `${id}-problem` : ''].filter(Boolean).join(' ');
  const onInput = (event: Event) => {
    const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    host.edit(() => set(text));
  };
  const control = options.multiline
    ? html`<textarea id=${id} .value=${value} @input=${onInput} aria-invalid=${problems.length ? 'true' : nothing}
        aria-describedby=${described || nothing} ?required=${options.required}></textarea>`
    : html`<input id=${id} type=${options.type ?? 'text'} .value=${value} @input=${onInput} aria-invalid=${problems.length ? 'true' : nothing}
        aria-describedby=${described || nothing} ?required=${options.required} autocomplete=${options.autocomplete ?? 'off'} spellcheck=${options.type ? 'false' : 'true'}>`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    ${control}
    ${problems.length ? html`<p class="problem" id="${id}-problem">${problems.join('\n')}</p>` : nothing}
  </div>`;
}

/** A list of short values typed in one input: `a, b, c` (or one per line when `lines`). */
export function listField(
  host: FieldHost,
  path: string,
  label: string,
  list: string[],
  set: (list: string[]) => void,
  options: FieldOptions & { lines?: boolean } = {},
) {
  const separator = options.lines ? /\n/ : /,/;
  const parse = (text: string) => splitList(text, separator);
  const derived = list.join(options.lines ? '\n' : ', ');
  return field(
    host,
    path,
    label,
    shown(host, path, derived, parse, list),
    (text) => {
      host.raw.set(path, text);
      set(parse(text));
    },
    { ...options, multiline: options.lines },
  );
}

/** Paragraphs in one text area, separated by an empty line. */
export function paragraphsField(host: FieldHost, path: string, label: string, list: string[], set: (list: string[]) => void) {
  const derived = list.join('\n\n');
  return field(
    host,
    path,
    label,
    shown(host, path, derived, splitParagraphs, list),
    (text) => {
      host.raw.set(path, text);
      set(splitParagraphs(text));
    },
    { multiline: true },
  );
}

/** A select with its problems under it; options are `[value, label]`. */
export function selectField(host: FieldHost, path: string, label: string, value: string, options: [string, string][], set: (value: string) => void) {
  const id = fieldId(path);
  const problems = host.problemsAt(path);
  // `selected` per option: a `.value` on the select would be set before its options exist.
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} aria-invalid=${problems.length ? 'true' : nothing} aria-describedby=${problems.length ? `${id}-problem` : nothing}
      @change=${(event: Event) => host.edit(() => set((event.target as HTMLSelectElement).value))}>
      ${options.map(([optionValue, optionLabel]) => html`<option value=${optionValue} ?selected=${optionValue === value}>${optionLabel}</option>`)}
    </select>
    ${problems.length ? html`<p class="problem" id="${id}-problem">${problems.join('\n')}</p>` : nothing}
  </div>`;
}

/**
 * Checkboxes for choosing several of a list (`[value, label]`); values chosen but not offered
 * (an unknown id in an opened pack) are offered too, so they can be seen and unchecked. The
 * group's problems sit under it; the group takes focus when a problem in the summary is followed.
 */
export function choiceField(
  host: FieldHost,
  path: string,
  legend: string,
  options: [string, string][],
  chosen: string[],
  set: (list: string[]) => void,
  emptyHint: string,
) {
  const id = fieldId(path);
  const problems = host.problemsAt(path);
  const all = [...options, ...chosen.filter((value) => !options.some(([known]) => known === value)).map((value) => [value, value] as [string, string])];
  const toggle = (value: string, on: boolean) => host.edit(() => set(on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value)));
  return html`<fieldset class="sub choice" id=${id} tabindex="-1" aria-describedby=${problems.length ? `${id}-problem` : nothing}>
    <legend>${legend}</legend>
    ${all.length === 0 ? html`<p class="hint">${emptyHint}</p>` : nothing}
    ${all.map(
      ([value, label], n) => html`<label><input type="checkbox" id="${id}-${n}" .checked=${chosen.includes(value)}
      @change=${(event: Event) => toggle(value, (event.target as HTMLInputElement).checked)}> ${label}</label>`,
    )}
    ${problems.length ? html`<p class="problem" id="${id}-problem">${problems.join('\n')}</p>` : nothing}
  </fieldset>`;
}

/** Options for choosing one entry of `list` (or none), with the current value kept when the list lacks it. */
export function entryOptions<T extends { id: string }>(list: readonly T[], labelOf: (entry: T) => string, none: string, current: string): [string, string][] {
  const options: [string, string][] = [['', none], ...list.map((entry) => [entry.id, labelOf(entry)] as [string, string])];
  if (current && !options.some(([value]) => value === current)) options.push([current, current]);
  return options;
}

/** Text of an optional field: an empty value removes the key, so it is not an empty string. */
export function setOptional<T extends object>(entry: T, key: keyof T & string, value: string | string[]): void {
  const empty = Array.isArray(value) ? value.length === 0 : value === '';
  if (empty) delete (entry as Record<string, unknown>)[key];
  else (entry as Record<string, unknown>)[key] = value;
}

/** A value read from a pack that may not have the expected shape yet (opened with problems). */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
export const entries = <T>(value: unknown): T[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'object' && v !== null) : []);
