// `npm run kiosk-pin -- <PIN>`: prints the salted hash of a kiosk staff PIN for kiosk.json (see scripts/kiosk/kioskPinCli.ts).
import { kioskPinCli } from './kiosk/kioskPinCli';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

kioskPinCli(process.argv.slice(2), readStdin).then(
  (r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exit(r.code);
  },
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
