import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildTestApp } from '/work/main/test/app.js';
import { generateDemoDirectory } from '/work/main/src/domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '/work/main/src/domain/directory/demo-postcodes.js';
it('smoke', async () => {
  const t = await buildTestApp(generateDemoDirectory({ outcodeForTown: demoOutcodeForTown }));
  for (const [name, url] of [['home','/'],['err','/search?industry=&location='],['results','/search?industry=driving&purpose=job&location=Leeds'],['about','/about'],['advice','/advice/interview-follow-up'],['fav','/favourites'],['404','/nope'],['api404','/api/nope']]) {
    const r = await t.app.inject({ url });
    console.log(name, r.statusCode, r.body.length, r.headers['content-type']);
    writeFileSync(`/tmp/smoke/${name}.html`, r.body);
  }
  const slug = [...(await t.store.loadDirectory()).brands[0]!.listings][0]!.slug;
  const r = await t.app.inject({ url: `/agencies/${slug}` });
  console.log('profile', r.statusCode, r.body.length);
  writeFileSync(`/tmp/smoke/profile.html`, r.body);
  await t.close();
});
