import { it, expect } from 'vitest';
import { findHtmlProblems } from '/work/main/test/web-app.js';
it('x', async () => {
  const p = await findHtmlProblems('<!doctype html><html lang="en"><head><title>x</title></head><body><span><div>a</div></span><p id="a"></p><p id="a"></p><button>x</button><input type="text"><a href="/x?a=1&b=2">x</a><select><option>a</option></select></body></html>');
  console.log(p);
});
