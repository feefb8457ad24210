#!/usr/bin/env node
// `netwerkkracht validate <file-or-url>`: checks a content pack the way the elements will.
// `netwerkkracht snippet <file-or-url> <tip-checklist-or-contact-id>` (or `--deck <mode>`): writes a pre-rendered snippet.
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { decodePackBytes, formatIssue, parsePack, readAtMost } from '@netwerkkracht/core';
import { prerendered, prerenderedDeck, snippetHead } from '../snippet.js';

const USAGE = `Usage: netwerkkracht validate <file-or-url>
       netwerkkracht snippet <file-or-url> <tip-checklist-or-contact-id> | --deck <daily|list|favourites> [--base <url of the widgets folder>] [--classic] [--inline-style]`;
// The packages' versions move together: the widgets of this version, from a public CDN.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const CDN = `https://cdn.jsdelivr.net/npm/@netwerkkracht/widgets@${version}/dist/`;
const MAX_BYTES = 2 * 1024 * 1024;

/** Thrown when a pack is over the limit: reading stops there, so a 50 MB (or endless) source costs 2 MB. */
class TooLarge extends Error {}

/** The bytes of a file or URL, or TooLarge past MAX_BYTES. */
async function readSource(source) {
  let stream;
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    if (!response.body) return new Uint8Array(0);
    stream = response.body;
  } else stream = Readable.toWeb(createReadStream(source));
  const bytes = await readAtMost(stream, MAX_BYTES);
  if (!bytes) throw new TooLarge();
  return bytes;
}

async function validate(source) {
  let bytes;
  try {
    bytes = await readSource(source);
  } catch (error) {
    if (error instanceof TooLarge) {
      console.error(`${source}: the pack is too large: the elements refuse packs over ${MAX_BYTES / 1024} KB`);
      return 1;
    }
    console.error(`${source}: cannot read it (${error.cause?.message ?? error.message})`);
    return 2;
  }
  let result;
  try {
    result = parsePack(decodePackBytes(bytes));
  } catch (error) {
    console.error(`${source}: ${error.message}`);
    return 1;
  }
  if (!result.ok) {
    // The list stops after 50 problems (with "and N more problems"); the total counts them all.
    for (const issue of result.issues) console.error(`${source}: ${formatIssue(issue)}`);
    console.error(`${result.total} problem${result.total === 1 ? '' : 's'}: the pack is not valid.`);
    return 1;
  }
  const { pack } = result;
  const count = (list) => list?.length ?? 0;
  const items = (pack.checklists ?? []).reduce((sum, c) => sum + c.items.length, 0);
  console.log(
    `${source}: valid pack "${pack.id}" (${pack.locale}): ${count(pack.tips)} tips, ${count(pack.audiences)} audiences, ${count(pack.sources)} sources, ` +
      `${count(pack.contacts)} contacts, ${count(pack.checklists)} checklists (${items} items), ${count(pack.templates)} templates, ` +
      `${count(pack.contexts)} contexts`,
  );
  return 0;
}

/** Prints a tip card, checklist, contact card or tip deck with its content in the page, from a valid pack. */
async function snippet(args) {
  const options = { base: CDN, classic: false };
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--base') options.base = args[++i] ?? '';
    else if (args[i] === '--classic') options.classic = true;
    else if (args[i] === '--deck') options.deck = args[++i] ?? '';
    else if (args[i] === '--inline-style') options.css = readFileSync(new URL('../netwerkkracht.css', import.meta.url), 'utf8');
    else rest.push(args[i]);
  }
  const [source, id] = rest;
  const modes = ['daily', 'list', 'favourites'];
  if (!source || (options.deck === undefined ? !id : id || !modes.includes(options.deck)) || !options.base) {
    console.error(USAGE);
    return 2;
  }
  if (!options.base.endsWith('/')) options.base += '/';
  let result;
  try {
    result = parsePack(decodePackBytes(await readSource(source)));
  } catch (error) {
    console.error(`${source}: cannot read it (${error instanceof TooLarge ? 'too large' : (error.cause?.message ?? error.message)})`);
    return 2;
  }
  if (!result.ok) {
    console.error(`${source}: the pack is not valid (run "netwerkkracht validate ${source}")`);
    return 1;
  }
  try {
    const lang = { lang: result.pack.locale };
    const card = options.deck ? prerenderedDeck(result.pack, { mode: options.deck, ...lang }) : prerendered(result.pack, id, lang);
    console.log(`${snippetHead(options.base, options)}\n${card}`);
    return 0;
  } catch (error) {
    console.error(`${source}: ${error.message}`);
    return 1;
  }
}

const [command, ...sources] = process.argv.slice(2);
if (command === 'snippet') process.exit(await snippet(sources));
if (command !== 'validate' || sources.length === 0) {
  console.error(USAGE);
  process.exit(command === '--help' || command === '-h' ? 0 : 2);
}
let code = 0;
for (const source of sources) code = Math.max(code, await validate(source));
process.exit(code);
