// Component and core tests in real Chromium (Playwright) and real Firefox (Puppeteer over WebDriver BiDi).
// NK_BROWSERS=chromium or =firefox runs one of them; NK_FILES narrows the files.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { browserPath, CHROMIUM_ARGS } from './scripts/browsers.js';
import { countingReporter } from './scripts/wtr-count-reporter.js';
import { testServer } from './tests/fixtures/test-server.js';

const wanted = (process.env.NK_BROWSERS ?? 'chromium,firefox').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: browserPath('chromium'), args: CHROMIUM_ARGS },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      // Firefox throttles timers and withholds focus in background tabs: one page at a time.
      concurrency: 1,
      launchOptions: {
        browser: 'firefox',
        executablePath: browserPath('firefox'),
        headless: true,
        // Keep Firefox off the network: no updates, telemetry or captive-portal checks.
        extraPrefsFirefox: {
          'network.captive-portal-service.enabled': false,
          'app.update.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'browser.safebrowsing.update.enabled': false,
        },
      },
    }),
  );
}

export default {
  files: process.env.NK_FILES ?? ['tests/core/**/*.test.ts', 'tests/components/**/*.test.ts', 'tests/robustness/**/*.test.ts', 'tests/extension/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  browsers,
  concurrency: 2,
  concurrentBrowsers: 1,
  // A limit for a test that hangs, not a speed check: a busy machine must not fail a test.
  testFramework: { config: { timeout: 60_000 } },
  testsFinishTimeout: 300_000,
  reporters: [defaultReporter(), countingReporter('test-results/wtr.json')],
  middleware: [testServer],
};
