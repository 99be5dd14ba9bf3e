import { it } from 'vitest';
import path from 'node:path';
import { launchBrowser, startServer, SCREENSHOT_DIR } from './support.js';
it('shots', async () => {
  const server = await startServer();
  const b = await launchBrowser();
  const page = await b.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.baseUrl + '/search?industry=driving&purpose=job&location=Leeds&employmentType=permanent');
  await page.locator('.grid-sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'zz-grid.png') });
  await page.locator('.agency-card').first().locator('details summary').first().click().catch(() => {});
  await page.locator('.agency-card').first().screenshot({ path: path.join(SCREENSHOT_DIR, 'zz-card.png') });
  await page.goto(server.baseUrl + '/search?industry=IT&purpose=job&location=Shetland&radiusMiles=5&employmentType=temporary');
  await page.locator('.grid-sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'zz-empty.png') });
  await b.close(); await server.close();
}, 120000);
