// Writes how many tests passed and failed (per browser) so that `npm test` can print one total.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

/** A web-test-runner reporter that writes `{ passed, failed, skipped, errors }` to `file`. */
export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, errors: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that fails to load, or throws outside a test, counts as a failure too.
        if (!session.passed && (session.errors?.length || !session.testResults)) totals.errors++;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
