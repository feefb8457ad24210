import { expect } from '@open-wc/testing';
import { onToolSite, patternCovers, TOOLS } from '../../../extension/src/tools/index.js';
import { TOOL_ORIGINS } from '../../../extension/src/tools/origins.js';

describe('the tools and their sites', () => {
  it('offers one tool per entry of origins.js, with those sites', () => {
    expect(TOOLS.map((tool) => tool.id).sort()).to.deep.equal(Object.keys(TOOL_ORIGINS).sort());
    for (const tool of TOOLS) expect(tool.origins).to.deep.equal(TOOL_ORIGINS[tool.id]);
  });

  it('takes a concrete host for that host only', () => {
    expect(patternCovers('https://outlook.cloud.microsoft/*', 'https://outlook.cloud.microsoft/mail/')).to.equal(true);
    expect(patternCovers('https://outlook.cloud.microsoft/*', 'https://cloud.microsoft/')).to.equal(false);
    expect(patternCovers('https://outlook.cloud.microsoft/*', 'https://evil.outlook.cloud.microsoft/')).to.equal(false);
    expect(patternCovers('https://outlook.cloud.microsoft/*', 'http://outlook.cloud.microsoft/')).to.equal(false);
  });

  it('takes a `*.` host for the domain and its subdomains, not for look-alikes', () => {
    expect(patternCovers('https://*.webex.com/*', 'https://acme.webex.com/meet/sam')).to.equal(true);
    expect(patternCovers('https://*.webex.com/*', 'https://web.webex.com/')).to.equal(true);
    expect(patternCovers('https://*.webex.com/*', 'https://webex.com/')).to.equal(true);
    expect(patternCovers('https://*.webex.com/*', 'https://evilwebex.com/')).to.equal(false);
    expect(patternCovers('https://*.webex.com/*', 'https://webex.com.evil.example/')).to.equal(false);
    expect(patternCovers('https://*.webex.com/*', 'not an address')).to.equal(false);
  });

  it("knows the meeting tools' sites", () => {
    for (const address of [
      'https://meet.google.com/abc-defg-hij',
      'https://app.zoom.us/wc/1/join',
      'https://us02web.zoom.us/wc/join/1',
      'https://acme.webex.com/',
    ]) {
      expect(onToolSite(address), address).to.equal(true);
    }
    expect(onToolSite('https://www.example.com/')).to.equal(false);
  });
});
