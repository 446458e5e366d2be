// The end-to-end tests drive Debian's Chromium through playwright-core; they never download a browser.
const { existsSync } = require('node:fs');

const browser = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(browser)) {
  console.error(`\nThe end-to-end tests need Chromium at ${browser}, and it is not there.`);
  console.error('Install Debian\'s package (as root):  apt-get update && apt-get install -y chromium fonts-noto-cjk');
  console.error('or point CHROMIUM_PATH at an installed Chromium. (.ci/run installs it for CI.)\n');
  process.exit(1);
}
