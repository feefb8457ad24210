// Finds the browsers the tests drive: an explicit CHROME_PATH / FIREFOX_PATH, Playwright's own
// Chromium when it was downloaded, or the system's (Debian: /usr/bin/chromium, /usr/bin/firefox-esr).
// When none is there it tries to install one, and otherwise says exactly what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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

// Debian's chromium package holds only the en-US interface; the other languages are in
// chromium-l10n. Without it Chromium runs in English whatever LANGUAGE says, and the extension
// with it, so the Dutch extension would go untested.
const DEBIAN_LOCALES = '/usr/lib/chromium/locales';
let localesChecked = false;

function ensureChromiumLocales(path) {
  if (localesChecked || !path.startsWith('/usr/bin/') || !existsSync(DEBIAN_LOCALES)) return;
  localesChecked = true;
  if (readdirSync(DEBIAN_LOCALES).includes('nl.pak')) return;
  if (!aptInstall(['chromium-l10n'])) {
    console.error(`Chromium at ${path} has no Dutch interface: the extension tests that run in Dutch will fail. Install it with \`sudo apt-get install chromium-l10n\`.`);
  }
}

function tryInstall(name) {
  if (name === 'chromium') {
    console.error('No Chromium found; trying `npx playwright install chromium` …');
    spawnSync('npx', ['--yes', 'playwright-core', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
    if (find(name)) return;
  }
  // A failure is reported by the caller with the command to run by hand.
  aptInstall(name === 'chromium' ? ['chromium', 'chromium-l10n'] : ['firefox-esr']);
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
  if (path && name === 'chromium') ensureChromiumLocales(path);
  if (!path) {
    const hint =
      name === 'chromium'
        ? 'Install one with `npx playwright install chromium`, or on Debian/Ubuntu `sudo apt-get install chromium chromium-l10n`, or set CHROME_PATH.'
        : 'Install one with `sudo apt-get install firefox-esr` (Debian) or your system\'s firefox package, or set FIREFOX_PATH.';
    throw new Error(`No ${name} browser found for the tests. ${hint}`);
  }
  return path;
}
