// The extension builds only tests load, made from the release build in extension/dist/chrome:
// `chrome-test` and `firefox-test` pre-grant the tools' sites (headless browsers never answer a
// permission prompt), and Firefox's lets a local page open the panel (WebDriver BiDi refuses to
// navigate to moz-extension: pages). They never ship: `rollup -c` and `npm run package:extension`
// do not make them. `node scripts/extension-test-builds.js` writes both.
import { cpSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifest } from '../extension/manifest.js';
import { ALL_TOOL_ORIGINS } from '../extension/src/tools/origins.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'extension/dist');
const release = join(dist, 'chrome');

/** The test builds, each with the browser its manifest is for. */
export const TEST_BUILDS = { 'chrome-test': 'chrome', 'firefox-test': 'firefox' };

/** The test build's manifest: the release one with the tools' sites granted. */
function testManifest(target, version) {
  const data = manifest(TEST_BUILDS[target], { version, grantHosts: ALL_TOOL_ORIGINS });
  if (target === 'firefox-test') data.web_accessible_resources.push({ resources: ['panel.html'], matches: ['http://127.0.0.1/*'] });
  return data;
}

/** Whether `target` is missing or older than the release build it is made from. */
function stale(target) {
  const made = join(dist, target, 'manifest.json');
  return !existsSync(made) || statSync(made).mtimeMs < statSync(join(release, 'manifest.json')).mtimeMs;
}

/**
 * Writes the test build `target` (`chrome-test` or `firefox-test`) unless it is current, and
 * returns its folder. It is written beside and then moved in, so a reader never sees half of it.
 */
export function writeTestBuild(target) {
  if (!TEST_BUILDS[target]) throw new Error(`${target} is not a test build`);
  if (!existsSync(join(release, 'manifest.json'))) throw new Error('extension/dist/chrome is missing: run `npx rollup -c` first');
  const dir = join(dist, target);
  if (!stale(target)) return dir;
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const draft = `${dir}.${process.pid}`;
  rmSync(draft, { recursive: true, force: true });
  cpSync(release, draft, { recursive: true });
  writeFileSync(join(draft, 'manifest.json'), `${JSON.stringify(testManifest(target, version), null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(draft, dir);
  } catch (error) {
    // Another test process wrote it at the same moment: theirs will do.
    rmSync(draft, { recursive: true, force: true });
    if (stale(target)) throw error;
  }
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const target of Object.keys(TEST_BUILDS)) console.log(writeTestBuild(target));
}
