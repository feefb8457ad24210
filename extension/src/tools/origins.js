// The sites of each tool, as match patterns: the one list that both the build (manifest.js, run
// in Node) and the extension's own code (the tools, in TypeScript) read. Plain data, so that Node
// can import it without a compiler. Keys are tool ids; the options page shows the tools in the
// order of extension/src/tools/index.ts.
//
// Host permissions take no paths (Chrome grants and reports `https://host/*` whatever path was
// asked for), so every pattern ends in `/*`. A `*.` host covers the domain and its subdomains.
export const TOOL_ORIGINS = {
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*', 'https://outlook.live.com/*'],
  'google-calendar': ['https://calendar.google.com/*'],
  gmail: ['https://mail.google.com/*'],
  teams: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*', 'https://teams.live.com/*'],
  'google-meet': ['https://meet.google.com/*'],
  // The web client is on app.zoom.us/wc/…; join links and older web client addresses are on
  // zoom.us, regional hosts (us02web.zoom.us) and organisations' own subdomains.
  zoom: ['https://*.zoom.us/*'],
  // Every organisation has its own site (acme.webex.com); the web app is web.webex.com.
  webex: ['https://*.webex.com/*'],
};

/** Every pattern of every tool, for the manifest and the test build's granted hosts. */
export const ALL_TOOL_ORIGINS = Object.values(TOOL_ORIGINS).flat();
