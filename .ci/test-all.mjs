// Runs every package's vitest suite in order (each in a database and Redis prefix of its own,
// see test/src/support/vitest-global-setup.ts), then prints one closing line:
// "tests: N passed, N failed". Exits non-zero if any suite failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const packages = ['shared', 'api', 'relay', 'web', 'test'];
// MariaDB, Redis and Chromium: started or installed when missing, so `pnpm test` works alone.
spawnSync('bash', [new URL('./ensure-services.sh', import.meta.url).pathname], { stdio: 'inherit' });
const only = process.argv.slice(2);
const outDir = mkdtempSync(join(tmpdir(), 'sb-tests-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const broken = [];

for (const pkg of packages) {
  if (only.length && !only.includes(pkg)) continue;
  const out = join(outDir, `${pkg}.json`);
  console.log(`\n=== ${pkg} ===`);
  const run = spawnSync(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${out}`,
    ],
    { cwd: pkg, stdio: 'inherit' },
  );
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) broken.push(pkg);
  } else {
    broken.push(pkg);
  }
  if (run.status !== 0 && !broken.includes(pkg)) broken.push(pkg);
}

if (broken.length) console.log(`\nsuites with failures: ${broken.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || broken.length ? 1 : 0);
