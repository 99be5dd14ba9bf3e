import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBranch, buildListing } from '../../../test/factories.js';
import {
  buildWebTestApp,
  findHtmlProblems,
  textOf,
  type WebTestApp,
} from '../../../test/web-app.js';

/** One national listing, so every place in the UK has a result. */
const directory = {
  brands: [
    {
      slug: 'everywhere',
      name: 'Everywhere Drivers',
      listings: [
        buildListing({
          slug: 'everywhere-drivers',
          name: 'Everywhere Drivers',
          coverage: 'national' as const,
          branches: [buildBranch({ id: 'everywhere-leeds' })],
        }),
      ],
    },
  ],
};

describe('the place a results page searched', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp(directory);
  });
  afterAll(() => t.close());

  const search = async (location: string) => {
    const query = new URLSearchParams({ industry: 'driving', purpose: 'job', location });
    const res = await t.app.inject({ method: 'GET', url: `/search?${query.toString()}` });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  /** The searches each alternative links to, as [link text, location] pairs. */
  const alternativeLinks = (html: string) =>
    [...html.matchAll(/<li><a href="([^"]*)">([^<]*)<\/a><\/li>/g)]
      .filter((m) => m[1]!.startsWith('/search?'))
      .map((m) => {
        const params = new URLSearchParams(m[1]!.replace(/&amp;/g, '&').split('?')[1]);
        expect(params.get('industry')).toBe('driving');
        expect(params.get('purpose')).toBe('job');
        return [textOf(m[2]!), params.get('location')];
      });

  it('says what was typed but names no place, and searches the place that was named', async () => {
    const html = await search('Xyzzy, London');
    const text = textOf(html);
    expect(text).toContain('Showing agencies for London; we could not place “Xyzzy”');
    expect(text).toContain('Driving, to find me a job, for London, Greater London (England).');
    expect(text).toContain('Other places “London” could mean:');
    expect(alternativeLinks(html)).toEqual([['London (region)', 'London (region)']]);
    expect(await findHtmlProblems(html)).toEqual([]);
  });

  it('says nothing was left out when nothing was', async () => {
    const text = textOf(await search('Leeds'));
    expect(text).toContain('Driving, to find me a job, for Leeds, West Yorkshire (England).');
    expect(text).not.toContain('we could not place');
    expect(text).not.toContain('could mean:');
  });

  it('names the place a shared name was taken for, and links each other one to the same search', async () => {
    const html = await search('Newport');
    const text = textOf(html);
    expect(text).toContain('Driving, to find me a job, for Newport, Gwent (Wales).');
    expect(text).toContain('Other places “Newport” could mean:');
    expect(alternativeLinks(html)).toEqual([
      ['Newport, Isle of Wight', 'Newport, Isle of Wight'],
      ['Newport, Shropshire', 'Newport, Shropshire'],
      ['Newport, Essex', 'Newport, Essex'],
      ['Newport, East Riding of Yorkshire', 'Newport, East Riding of Yorkshire'],
      ['Newport, Dyfed', 'Newport, Dyfed'],
    ]);
    expect(await findHtmlProblems(html)).toEqual([]);
    // Following a link searches there, with the others offered in turn.
    const there = textOf(await search('Newport, Isle of Wight'));
    expect(there).toContain('Driving, to find me a job, for Newport, Isle of Wight (England).');
  });

  it('asks which Stratford, offering London’s and Stratford-upon-Avon', async () => {
    const query = new URLSearchParams({
      industry: 'driving',
      purpose: 'job',
      location: 'Stratford',
    });
    const res = await t.app.inject({ method: 'GET', url: `/search?${query.toString()}` });
    expect(res.statusCode).toBe(400);
    expect(textOf(res.body)).toContain(
      '"Stratford" could mean 2 places: Stratford or Stratford-upon-Avon. Which one do you mean?',
    );
    const links = [...res.body.matchAll(/<a href="(\/search\?[^"]+)">([^<]+)<\/a>/g)].map((m) =>
      new URLSearchParams(m[1]!.replace(/&amp;/g, '&').split('?')[1]).get('location'),
    );
    expect(links).toEqual(['Stratford, Greater London', 'Stratford-upon-Avon, Warwickshire']);
    expect(textOf(await search('Stratford, Warwickshire'))).toContain(
      'for Stratford-upon-Avon, Warwickshire (England).',
    );
  });

  it('escapes what it could not place', async () => {
    const html = await search('<b>Xyzzy</b>, Leeds');
    // Attribute values (the form keeps what was typed) have their quotes escaped.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<b>Xyzzy</b>');
    expect(textOf(html)).toContain('Showing agencies for Leeds; we could not place “<b>Xyzzy</b>”');
  });
});
