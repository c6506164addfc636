// `npm start`: prepares the embedded demo data if missing, builds the
// production app and serves it on http://localhost:4173.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

function step(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync('data/demo/catalog.json')) {
  console.log('data/demo is missing: generating the demo district (npm run demo-data) …');
  step('npm', ['run', 'demo-data', '--silent']);
}
step('npx', ['vite', 'build', '--logLevel', 'warn']);
const port = process.env.PORT ?? '4173';
console.log(`\nPlanlotse is running at http://localhost:${port}/  (Ctrl+C to stop)\n`);
const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1', '--logLevel', 'warn'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
