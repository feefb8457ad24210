// What ships: `npm run package:extension` builds the extension and zips the Chrome and Firefox
// builds. The test builds, which pre-grant the tools' sites, are not in them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { writeTestBuild } from '../../scripts/extension-test-builds.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'extension/dist');

describe('the release build of the extension', () => {
  it('has no test build and grants no host when packaged', () => {
    execFileSync('npm', ['run', '--silent', 'package:extension'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NK_QUIET: '1' },
    });
    assert.equal(existsSync(join(dist, 'chrome-test')), false, 'chrome-test is not built');
    assert.equal(existsSync(join(dist, 'firefox-test')), false, 'firefox-test is not built');
    for (const browser of ['chrome', 'firefox']) {
      const files = unzipSync(readFileSync(join(dist, 'zips', `netwerkkracht-${browser}.zip`)));
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      assert.equal(manifest.host_permissions, undefined, `${browser}: no pre-granted hosts`);
      assert.deepEqual(manifest.optional_host_permissions, ['https://*/*'], browser);
      assert.deepEqual(
        manifest.web_accessible_resources.flatMap((entry) => entry.resources),
        ['launcher.html'],
        `${browser}: only the launcher is exposed`,
      );
      assert.equal(
        Object.keys(files).some((name) => name.includes('-test')),
        false,
        `${browser}: no test build inside`,
      );
    }
  });

  it("is what the test builds are made from, with the tools' sites granted", () => {
    const release = JSON.parse(readFileSync(join(dist, 'chrome/manifest.json'), 'utf8'));
    const test = JSON.parse(readFileSync(join(writeTestBuild('chrome-test'), 'manifest.json'), 'utf8'));
    assert.ok(test.host_permissions.length > 0);
    assert.deepEqual({ ...test, host_permissions: undefined }, { ...release, host_permissions: undefined });
  });
});
