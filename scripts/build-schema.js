// Writes the pack's JSON Schema from the one valibot schema in packages/core.
// `--check` only compares, and fails when the committed file is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { toJsonSchema } from '@valibot/to-json-schema';
import { PackSchema } from '@netwerkkracht/core';

const target = new URL('../packages/content/packs/content-pack.schema.json', import.meta.url);
// Cross references have no JSON Schema form, nor the last checks of URL parsing and Intl; the CLI does them.
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://netwerkkracht.example.org/content-pack.schema.json',
  ...toJsonSchema(PackSchema, {
    errorMode: 'ignore',
    // String fields are one custom valibot step each (schema.ts); they carry their own JSON Schema.
    overrideSchema: ({ valibotSchema }) => valibotSchema.jsonSchema,
  }),
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error('packages/content/packs/content-pack.schema.json is out of date: build, then run `node scripts/build-schema.js`.');
    process.exit(1);
  }
} else {
  await writeFile(target, text);
}
