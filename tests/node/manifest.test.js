// custom-elements.json is generated from the elements' JSDoc; the committed copy must match.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('custom-elements.json', () => {
  const committed = JSON.parse(readFileSync(join(root, 'packages/components/custom-elements.json'), 'utf8'));

  it('is up to date with the source (run `npm run analyze`)', () => {
    // The analyzer puts --outdir below the working directory, so use a relative, ignored folder.
    const outdir = 'test-results/cem';
    const packageJson = readFileSync(join(root, 'package.json'), 'utf8');
    const result = spawnSync(
      join(root, 'node_modules/.bin/cem'),
      [
        'analyze',
        '--config',
        'tests/fixtures/cem-check.config.mjs',
        '--litelement',
        '--globs',
        'packages/components/src/**/*.component.ts',
        'packages/components/src/internal/nk-element.ts',
        '--outdir',
        outdir,
        '--quiet',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    // The analyzer lists modules in the order its file search finishes, which varies under load.
    const byPath = (manifest) => ({ ...manifest, modules: [...manifest.modules].sort((a, b) => a.path.localeCompare(b.path)) });
    assert.deepEqual(byPath(JSON.parse(readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8'))), byPath(committed));
    // It once rewrote the root package.json to point at the scratch copy, and that was committed.
    assert.equal(readFileSync(join(root, 'package.json'), 'utf8'), packageJson);
    assert.equal(JSON.parse(packageJson).customElements, 'packages/components/custom-elements.json');
  });

  it('documents the four elements with their shared attributes, parts and events', () => {
    const tags = committed.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    assert.deepEqual(tags.map((d) => d.tagName).sort(), ['nk-contact-card', 'nk-network-checklist', 'nk-tip-card', 'nk-tip-deck']);
    for (const element of tags) {
      const attributes = element.attributes.map((a) => a.name);
      for (const name of ['pack', 'theme', 'heading-level', 'lang']) assert.ok(attributes.includes(name), `${element.tagName} lacks ${name}`);
      assert.ok(
        element.cssParts.some((p) => p.name === 'error'),
        `${element.tagName} has no error part`,
      );
      assert.ok(
        element.events.every((e) => e.name.startsWith('nk-')),
        `${element.tagName} has an event without the nk- prefix`,
      );
    }
  });
});
