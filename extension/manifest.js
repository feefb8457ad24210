// The one manifest source; the build writes a Chrome/Edge and a Firefox variant from it. The
// tools' sites come from the same plain data module the extension's code reads.
import { ALL_TOOL_ORIGINS } from './src/tools/origins.js';

/**
 * The manifest for `target` ('chrome' or 'firefox'). `grantHosts` pre-grants host access, only for
 * the test build: headless Chromium never answers a permission prompt.
 */
export function manifest(target, { version, grantHosts = [] } = {}) {
  const base = {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Netwerkkracht',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'nl',
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' } },
    options_ui: { page: 'options.html', open_in_tab: true },
    permissions: ['storage', 'scripting', 'alarms'],
    // Asked for one site at a time, when the user ticks a tool or adds a pack URL. Nothing at install.
    optional_host_permissions: ['https://*/*'],
    web_accessible_resources: [{ resources: ['launcher.html'], matches: ALL_TOOL_ORIGINS }],
  };
  if (grantHosts.length) base.host_permissions = grantHosts;
  if (target === 'chrome') {
    return {
      ...base,
      minimum_chrome_version: '116',
      permissions: [...base.permissions, 'sidePanel'],
      background: { service_worker: 'background.js', type: 'module' },
      side_panel: { default_path: 'panel.html' },
      // What IT may set through policy (3rdparty → extensions → id), read from storage.managed.
      // Firefox takes the same keys from policies.json without a schema.
      storage: { managed_schema: 'managed-schema.json' },
      web_accessible_resources: [{ ...base.web_accessible_resources[0], use_dynamic_url: true }],
    };
  }
  return {
    ...base,
    background: { scripts: ['background.js'], type: 'module' },
    sidebar_action: { default_panel: 'panel.html', default_title: '__MSG_extName__', default_icon: 'icons/icon-32.png', open_at_install: false },
    browser_specific_settings: {
      gecko: {
        id: 'netwerkkracht@netwerkkracht.example.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
