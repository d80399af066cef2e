/**
 * Debian's Chromium (`apt-get install chromium`), shared by the Storybook browser tests, the demo e2e
 * test and the screenshot script. Playwright never downloads a browser here.
 */
export const chromiumExecutablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
