// Finds the browsers the tests drive: an explicit CHROME_PATH / FIREFOX_PATH, Playwright's own
// Chromium when it was downloaded, or the system's (Debian: /usr/bin/chromium, /usr/bin/firefox-esr).
// When none is there it tries to install one, and otherwise says exactly what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Flags Chromium needs as root in a container with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const SYSTEM = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

function playwrightChromium() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function find(name) {
  const fromEnv = process.env[name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH'}=${fromEnv} does not exist.`);
  }
  return (name === 'chromium' ? playwrightChromium() : undefined) ?? SYSTEM[name].find((path) => existsSync(path));
}

const canApt = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Installs Debian packages; false when apt-get is not there or fails (the caller says what to run). */
function aptInstall(packages) {
  if (!canApt()) return false;
  console.error(`Installing Debian's ${packages.join(' ')} with apt-get …`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch {
    return false;
  }
}

// Debian's browsers ship only their en-US interface; Dutch is in chromium-l10n and
// firefox-esr-l10n-nl. Without it a browser runs in English whatever it is asked for, and the
// extension with it, so the Dutch extension would go untested.
const DUTCH = {
  chromium: { file: '/usr/lib/chromium/locales/nl.pak', folder: '/usr/lib/chromium/locales', package: 'chromium-l10n' },
  firefox: {
    file: '/usr/lib/firefox-esr/browser/extensions/langpack-nl@firefox-esr.mozilla.org.xpi',
    folder: '/usr/lib/firefox-esr',
    package: 'firefox-esr-l10n-nl',
  },
};
const dutchChecked = new Set();

function ensureDutch(name, path) {
  const { file, folder, package: pkg } = DUTCH[name];
  if (dutchChecked.has(name) || !path.startsWith('/usr/bin/') || !existsSync(folder)) return;
  dutchChecked.add(name);
  if (existsSync(file) || aptInstall([pkg])) return;
  console.error(`${path} has no Dutch interface: the extension tests that run in Dutch will fail. Install it with \`sudo apt-get install ${pkg}\`.`);
}

function tryInstall(name) {
  if (name === 'chromium') {
    console.error('No Chromium found; trying `npx playwright install chromium` …');
    spawnSync('npx', ['--yes', 'playwright-core', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
    if (find(name)) return;
  }
  // A failure is reported by the caller with the command to run by hand.
  aptInstall(name === 'chromium' ? ['chromium', DUTCH.chromium.package] : ['firefox-esr', DUTCH.firefox.package]);
}

/**
 * The executable path of `name` ('chromium' or 'firefox'), installing it when possible.
 * Throws an Error whose message says what to run when no browser can be had.
 */
export function browserPath(name) {
  let path = find(name);
  if (!path) {
    tryInstall(name);
    path = find(name);
  }
  if (path) ensureDutch(name, path);
  if (!path) {
    const hint =
      name === 'chromium'
        ? 'Install one with `npx playwright install chromium`, or on Debian/Ubuntu `sudo apt-get install chromium chromium-l10n`, or set CHROME_PATH.'
        : "Install one with `sudo apt-get install firefox-esr firefox-esr-l10n-nl` (Debian) or your system's firefox package, or set FIREFOX_PATH.";
    throw new Error(`No ${name} browser found for the tests. ${hint}`);
  }
  return path;
}
