// Finds Debian's Chromium for the browser tests; installs it when running as
// root with apt, otherwise stops with a message that names what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.PLANLOTSE_CHROMIUM ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Chromium is missing: installing Debian package "chromium" (apt-get install -y chromium) …');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  }
  console.error(
    `The browser tests need Chromium at ${CHROMIUM_PATH}.\n` +
      'Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu package "chromium"),\n' +
      'or point PLANLOTSE_CHROMIUM to a Chromium/Chrome binary.',
  );
  process.exit(1);
}
