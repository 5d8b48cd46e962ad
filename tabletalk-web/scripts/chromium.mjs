// The one way this project starts a browser: Debian's Chromium (or CHROMIUM_PATH), headless, with nothing of its
// own reaching out to the network. The end-to-end tests and the first-paint benchmark both launch it from here.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
