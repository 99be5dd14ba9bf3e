import { it } from 'vitest';
import { buildWebTestApp } from '../../test/web-app.js';
import { generateDemoDirectory } from '../domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '../domain/directory/demo-postcodes.js';
it('perf', async () => {
  const t = await buildWebTestApp(generateDemoDirectory({ outcodeForTown: demoOutcodeForTown }), { demo: true });
  for (const url of ['/', '/search?industry=driving&purpose=job&location=Leeds']) {
    await t.app.inject({ url });
    let start = performance.now();
    for (let i = 0; i < 50; i++) await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    console.log(url, ((performance.now() - start) / 50).toFixed(2), 'ms br');
    start = performance.now();
    for (let i = 0; i < 50; i++) await t.app.inject({ url });
    console.log(url, ((performance.now() - start) / 50).toFixed(2), 'ms raw');
  }
  const r = await t.app.inject({ url: '/search?industry=driving&purpose=job&location=Leeds', headers: { 'accept-encoding': 'br' } });
  console.log('br bytes', r.rawPayload.length);
  await t.close();
}, 120000);
