// The whole test suite, as CI runs it: lint (layer rules, cycles), type check,
// unit tests, production build, browser tests. Prints one closing line
// "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium } from './ensureChromium.mjs';

const only = process.argv[2]; // optional: lint | unit | browser
const steps = [];
let passed = 0, failed = 0, skipped = 0;

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  steps.push({ name, ok });
  return ok;
}
function countVitest(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests ?? 0;
  failed += (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0 ? 0 : 0);
  skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

mkdirSync('test-results', { recursive: true });
const npx = 'npx';
if (!only || only === 'lint') {
  run('lint', npx, ['eslint', '.', '--max-warnings=0']);
  run('layer rules and cycles', npx, ['depcruise', 'src', 'scripts', '--config', '.dependency-cruiser.cjs']);
  run('type check', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
}
// Unit tests on the demo plan and the browser tests both need the generated demo district.
if ((!only || only === 'unit' || only === 'browser') && !existsSync('data/demo/catalog.json')) run('demo data', 'npm', ['run', 'demo-data', '--silent']);
if (!only || only === 'unit') {
  run('unit tests', npx, ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
  countVitest('test-results/unit.json');
}
if (!only || only === 'browser') {
  const chromium = ensureChromium();
  if (run('production build', npx, ['vite', 'build', '--logLevel', 'warn'])) {
    run('browser tests', npx, ['vitest', 'run', '--project', 'browser', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/browser.json'], { PLANLOTSE_CHROMIUM: chromium });
    countVitest('test-results/browser.json');
  }
}

console.log('\n=== summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name}`);
const stepFailures = steps.filter((s) => !s.ok).length;
console.log(`${passed} passed, ${failed + (failed === 0 ? stepFailures : 0)} failed, ${skipped} skipped`);
process.exit(stepFailures ? 1 : 0);
