// `npm test`: lint (ESLint), format check (Prettier), type check, build, Node tests (CLI, packs,
// end-to-end) and browser tests (Chromium and Firefox), then one closing line `N passed, N failed`
// summed over every runner. `npm test -- core` (or node, browser, e2e) runs one part; lint, format
// check, build and type check always run, each counting as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { browserPath } from './browsers.js';

const only = process.argv[2];
const totals = { passed: 0, failed: 0 };
const bin = (name) => `node_modules/.bin/${name}`;

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function countFile(file, parse) {
  if (!existsSync(file)) return false;
  const counts = parse(readFileSync(file, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  return true;
}

mkdirSync('test-results', { recursive: true });

// Fail early and clearly when no browser can be found or installed.
try {
  browserPath('chromium');
  browserPath('firefox');
} catch (error) {
  console.error(`\n${error.message}`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

for (const [title, command, args] of [
  ['Lint (ESLint)', bin('eslint'), ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']],
  ['Format check (Prettier)', bin('prettier'), ['--cache', '--check', '.']],
  ['Type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['Build (rollup)', bin('rollup'), ['-c', '--silent']],
]) {
  if (step(title, command, args)) totals.passed++;
  else totals.failed++;
}

if (!only || only === 'node' || only === 'e2e') {
  const dirs = ['tests/node', 'tests/e2e'].filter((dir) => existsSync(dir) && (only !== 'e2e' || dir === 'tests/e2e'));
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.test.js'))
      .map((f) => `${dir}/${f}`),
  );
  const tap = 'test-results/node.tap';
  rmSync(tap, { force: true });
  step('Node tests (CLI, packs, end-to-end)', process.execPath, [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const read = countFile(tap, (text) => ({
    passed: Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0),
    failed: Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0),
  }));
  if (!read) totals.failed++;
}

if (!only || only === 'browser' || only === 'core') {
  const file = 'test-results/wtr.json';
  rmSync(file, { force: true });
  const env = only === 'core' ? { NK_FILES: 'tests/core/**/*.test.ts' } : {};
  const ok = step('Browser tests (web-test-runner: Chromium, Firefox)', bin('wtr'), ['--config', 'web-test-runner.config.js'], env);
  const read = countFile(file, (text) => {
    const counts = JSON.parse(text);
    return { passed: counts.passed, failed: counts.failed + counts.errors };
  });
  if (!read || (!ok && totals.failed === 0)) totals.failed++;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
