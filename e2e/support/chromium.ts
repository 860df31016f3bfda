/**
 * How this project starts Debian's Chromium (as root, offline, as DESIGN.md says works): the path
 * and the flags, shared by the browser tests (browser.ts) and the web benchmark (bench/web.ts).
 * No test framework here, so the benchmark can import it outside vitest.
 */
import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
