import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDirectory } from '../../test/factories.js';
import { buildWebTestApp, findHtmlProblems, textOf, type WebTestApp } from '../../test/web-app.js';

describe('the trust pages of a demo installation', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp(buildDirectory([]), { demo: true });
  });
  afterAll(() => t.close());

  it('are linked from every page’s footer and pass the HTML checks', async () => {
    for (const url of ['/', '/about', '/privacy', '/terms', '/contact', '/no-such-page']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.body, url).toContain(
        '<ul class="site-footer-links"><li><a href="/about">About Shortlist</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li><li><a href="/contact">Contact</a></li></ul>',
      );
      expect(await findHtmlProblems(res.body), url).toEqual([]);
    }
  });

  it('say plainly that nobody is behind the demo’s example address', async () => {
    const contact = textOf((await t.app.inject({ method: 'GET', url: '/contact' })).body);
    expect(contact).toContain('This is a demonstration installation of Shortlist.');
    expect(contact).toContain(
      'Name Shortlist demo installation Address No address given: this is a demonstration installation of Shortlist Email privacy@shortlist.example',
    );
    expect(contact).not.toContain('Company number');
  });

  it('give how long things are kept, the cookies, the rights and the ICO', async () => {
    const privacy = textOf((await t.app.inject({ method: 'GET', url: '/privacy' })).body);
    expect(privacy).toContain(
      'A CV or job specification sent to an agency: 90 days, then deleted from our server',
    );
    expect(privacy).toContain(
      'A sign-in session: until you sign out, or after 14 days without use.',
    );
    expect(privacy).toContain('kept on our server for 30 minutes');
    expect(privacy).toContain('shows no cookie banner');
    expect(privacy).toContain(
      'complain to the Information Commissioner’s Office'.replace('’', "'"),
    );
    expect(privacy).toContain('ico.org.uk/make-a-complaint');
  });
});

describe('the trust pages of a real installation', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp(buildDirectory([]), {
      attachmentRetentionDays: 30,
      operator: {
        name: 'Example Recruitment Tools Ltd',
        address: '1 Example Street, Leeds <LS1>',
        email: 'privacy@tools.example',
        companyNumber: '01234567',
        demo: false,
      },
    });
  });
  afterAll(() => t.close());

  it('name the operator from the settings, escaped, with the company number', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/contact' });
    expect(res.body).toContain('<dd>1 Example Street, Leeds &lt;LS1></dd>');
    const contact = textOf(res.body);
    expect(contact).not.toContain('demonstration installation');
    expect(contact).toContain('Company number 01234567');
    const privacy = textOf((await t.app.inject({ method: 'GET', url: '/privacy' })).body);
    expect(privacy).toContain('Example Recruitment Tools Ltd');
    expect(privacy).toContain('A CV or job specification sent to an agency: 30 days');
    const terms = textOf((await t.app.inject({ method: 'GET', url: '/terms' })).body);
    expect(terms).toContain('governed by the law of England and Wales');
  });
});
