// Renders the app icon (static/icon.svg) to the PNGs the web app manifest lists, with Debian's
// Chromium through playwright-core. Run once after changing the icon, and commit the PNGs:
//   node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const svg = fs.readFileSync('static/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `static/icon-${size}.png`, omitBackground: false });
  await page.close();
}
await browser.close();
console.log('wrote static/icon-192.png, static/icon-512.png');
