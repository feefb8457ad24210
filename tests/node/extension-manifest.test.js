// The manifest takes the tools' sites from extension/src/tools/origins.js, the list the
// extension's code reads too, and every site is a pattern the browsers accept for host access.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifest } from '../../extension/manifest.js';
import { ALL_TOOL_ORIGINS, TOOL_ORIGINS } from '../../extension/src/tools/origins.js';

describe('extension manifest', () => {
  it("exposes the launcher on exactly the tools' sites, in both browsers", () => {
    for (const target of ['chrome', 'firefox']) {
      const [launcher, ...others] = manifest(target, { version: '1.0.0' }).web_accessible_resources;
      assert.deepEqual(others, [], target);
      assert.deepEqual(launcher.resources, ['launcher.html']);
      assert.deepEqual(launcher.matches, Object.values(TOOL_ORIGINS).flat(), target);
    }
  });

  it("lists each tool's sites as host patterns that optional host access covers", () => {
    const { optional_host_permissions: optional } = manifest('chrome', { version: '1.0.0' });
    assert.deepEqual(optional, ['https://*/*']);
    // Scheme, a host or `*.` and a domain, and the path `/*`: host access ignores any other path,
    // so a tool asking for one would never see itself as granted.
    for (const origin of ALL_TOOL_ORIGINS) assert.match(origin, /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/, origin);
    assert.equal(new Set(ALL_TOOL_ORIGINS).size, ALL_TOOL_ORIGINS.length, 'no site twice');
  });

  it('grants host access only in the test build', () => {
    assert.equal(manifest('chrome', { version: '1.0.0' }).host_permissions, undefined);
    assert.deepEqual(manifest('chrome', { version: '1.0.0', grantHosts: ALL_TOOL_ORIGINS }).host_permissions, ALL_TOOL_ORIGINS);
  });
});
