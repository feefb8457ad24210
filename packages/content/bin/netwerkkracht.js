#!/usr/bin/env node
// `netwerkkracht validate <file-or-url>`: checks a content pack the way the elements will.
import { readFile } from 'node:fs/promises';
import { decodePackBytes, formatIssue, parsePack } from '@netwerkkracht/core';

const USAGE = 'Usage: netwerkkracht validate <file-or-url>';
const MAX_BYTES = 2 * 1024 * 1024;

async function readSource(source) {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    return new Uint8Array(await response.arrayBuffer());
  }
  return new Uint8Array(await readFile(source));
}

async function validate(source) {
  let bytes;
  try {
    bytes = await readSource(source);
  } catch (error) {
    console.error(`${source}: cannot read it (${error.cause?.message ?? error.message})`);
    return 2;
  }
  if (bytes.byteLength > MAX_BYTES) {
    console.error(`${source}: the pack is ${Math.round(bytes.byteLength / 1024)} KB; the elements refuse packs over ${MAX_BYTES / 1024} KB`);
    return 1;
  }
  let result;
  try {
    result = parsePack(decodePackBytes(bytes));
  } catch (error) {
    console.error(`${source}: ${error.message}`);
    return 1;
  }
  if (!result.ok) {
    for (const issue of result.issues) console.error(`${source}: ${formatIssue(issue)}`);
    console.error(`${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}: the pack is not valid.`);
    return 1;
  }
  const { pack } = result;
  const count = (list) => list?.length ?? 0;
  const items = (pack.checklists ?? []).reduce((sum, c) => sum + c.items.length, 0);
  console.log(
    `${source}: valid pack "${pack.id}" (${pack.locale}): ${count(pack.tips)} tips, ${count(pack.sources)} sources, ` +
      `${count(pack.contacts)} contacts, ${count(pack.checklists)} checklists (${items} items), ${count(pack.contexts)} contexts`,
  );
  return 0;
}

const [command, ...sources] = process.argv.slice(2);
if (command !== 'validate' || sources.length === 0) {
  console.error(USAGE);
  process.exit(command === '--help' || command === '-h' ? 0 : 2);
}
let code = 0;
for (const source of sources) code = Math.max(code, await validate(source));
process.exit(code);
