import { it } from 'vitest';
import { launchBrowser, newContext, startServer, screenshot, runAxe, describeViolations } from './support.js';
it('shots', async () => {
  const server = await startServer();
  const b = await launchBrowser();
  const { context } = await newContext(b.browser, server.baseUrl, { javaScriptEnabled: true });
  const page = await context.newPage();
  const slug = server.directory.brands[0]!.listings[0]!.slug;
  for (const [name, url] of [['home','/'],['err','/search?industry=&location='],['results','/search?industry=driving&purpose=job&location=Leeds'],['about','/about'],['advice','/advice/interview-follow-up'],['fav','/favourites'],['404','/nope'],['profile',`/agencies/${slug}`]] as const) {
    await page.goto(url);
    await screenshot(page, 'zz-' + name, false);
    const v = await runAxe(page);
    console.log(name, v.length, describeViolations(v));
  }
  const m = await b.browser.newPage({ viewport: { width: 360, height: 800 } });
  await m.goto(server.baseUrl + '/search?industry=driving&purpose=job&location=Leeds');
  await screenshot(m, 'zz-mobile-results', false);
  await m.goto(server.baseUrl + `/agencies/${slug}`);
  await screenshot(m, 'zz-mobile-profile', false);
  await b.close(); await server.close();
}, 120000);
