/**
 * The demo directory: a deterministic, synthetic directory of recruitment agencies spread like the
 * real UK market (London about a fifth, then the big regional cities, a long tail; a third of
 * listings in local volume sectors; most listings one branch, a few national brands with dozens).
 * Everything in it is visibly fictional: example domains and Ofcom's drama telephone numbers.
 */
import type { Brand, Directory, Listing } from './directory.js';
import {
  CENTRAL_LONDON,
  CENTRAL_LONDON_SHARE,
  DRAMA_RANGES,
  HOME_TOWN_BOOST,
  INDUSTRY_WEIGHTS,
  RELATED,
} from './demo-directory-data.js';
import {
  brandName,
  makeListing,
  nearbyTowns,
  pickPrimaryIndustry,
  slugify,
  uniqueSlug,
  type DemoContext,
} from './demo-listings.js';
import { demoOutcodeForTown, hasDemoDistrict } from './demo-postcodes.js';
import { listTowns, type Town } from './places.js';
import { SeededRandom, WeightedTable } from './random.js';
import { listIndustries } from './taxonomy.js';

const DEMO_SEED = 20261126;

export interface DemoOptions {
  /** 1 gives about 8,300 listings; 10 gives ten times as many. */
  scale?: number;
  seed?: number;
  /**
   * The outward code of a branch in this town, `choice` in [0, 1) picking among the town's
   * districts. Defaults to the real districts of the town (demo-postcodes.ts).
   */
  outcodeForTown?: (town: Town, choice: number) => string;
}

/**
 * Generates the demo directory. The same options always give the same directory; scale 1 gives
 * 6,200 brands, about 8,300 listings and 9,700 branches.
 */
export function generateDemoDirectory(options: DemoOptions = {}): Directory {
  const scale = options.scale ?? 1;
  const random = new SeededRandom(options.seed ?? DEMO_SEED);
  const towns = listTowns();
  const industriesList = listIndustries();
  const townById = new Map(towns.map((t) => [t.id, t]));
  const isLondon = (t: Town) =>
    t.countyId === 'county:greater-london' || t.countyId === 'county:city-of-london';
  // Offices sit only in towns with a postcode district of their own (demo-postcodes.ts).
  const officeTowns = towns.filter((t) => t.population > 0 && hasDemoDistrict(t));
  const outside = officeTowns.filter((t) => !isLondon(t));
  const centralLondon = officeTowns.filter((t) => CENTRAL_LONDON[t.id] !== undefined);
  const otherLondon = officeTowns.filter((t) => isLondon(t) && CENTRAL_LONDON[t.id] === undefined);
  const ctx: DemoContext = {
    random,
    towns: officeTowns,
    homeTowns: new WeightedTable(
      outside,
      (t) => Math.pow(t.population, 0.85) * (HOME_TOWN_BOOST[t.id] ?? 1),
    ),
    centralLondonTowns: new WeightedTable(centralLondon, (t) => CENTRAL_LONDON[t.id] ?? 0),
    otherLondonTowns: new WeightedTable(otherLondon, (t) => Math.sqrt(t.population)),
    industries: new WeightedTable(industriesList, (i) => INDUSTRY_WEIGHTS[i.slug] ?? 0.5),
    industryBySlug: new Map(industriesList.map((i) => [i.slug, i])),
    usedBrandSlugs: new Set(),
    usedListingSlugs: new Set(),
    usedBranchIds: new Set(),
    phoneCounter: 0,
    outcodeForTown: options.outcodeForTown ?? demoOutcodeForTown,
    dramaTowns: DRAMA_RANGES.flatMap((d) => {
      const t = townById.get(d.town);
      return t ? [{ lat: t.lat, lon: t.lon, format: d.format }] : [];
    }),
  };
  const brands: Brand[] = [];
  const brandCount = Math.round(6200 * scale);
  const nationalCount = Math.round(14 * scale);
  const bigTowns = [...officeTowns].sort((a, b) => b.population - a.population).slice(0, 120);
  for (let i = 0; i < brandCount; i++) {
    const national = i < nationalCount;
    const home = national
      ? random.pick(bigTowns.slice(0, 12))
      : random.chance(0.185)
        ? random.chance(CENTRAL_LONDON_SHARE)
          ? ctx.centralLondonTowns.draw(random)
          : ctx.otherLondonTowns.draw(random)
        : ctx.homeTowns.draw(random);
    const primary = pickPrimaryIndustry(ctx, home);
    const name = brandName(ctx, home, primary, national);
    const slug = uniqueSlug(slugify(name), ctx.usedBrandSlugs);
    const brand = { slug, name, domain: `${slug}.example` };
    const listings: Listing[] = [];
    if (national) {
      // National brands: several divisions, each with offices in a dozen or more big towns.
      const divisions = [
        primary,
        ...random.sample(
          industriesList.filter((x) => x.slug !== primary.slug),
          random.int(1, 3),
        ),
      ];
      for (const division of divisions) {
        const branchTowns = [
          home,
          ...random.sample(
            bigTowns.filter((t) => t.id !== home.id),
            random.int(8, 30),
          ),
        ];
        listings.push(
          makeListing(
            ctx,
            brand,
            `${name} - ${division.name} Division`,
            division,
            branchTowns,
            true,
          ),
        );
      }
    } else {
      const x = random.next();
      const divisionCount = x < 0.74 ? 1 : x < 0.93 ? 2 : x < 0.985 ? 3 : 4;
      const divisions = [primary];
      while (divisions.length < divisionCount) {
        const related = RELATED[primary.slug];
        const next =
          related && random.chance(0.7)
            ? ctx.industryBySlug.get(random.pick(related))
            : ctx.industries.draw(random);
        if (next && !divisions.includes(next)) divisions.push(next);
        else if (!next) break;
        else if (divisions.length >= 1 && random.chance(0.3)) break;
      }
      const extraBranches = random.chance(0.045) ? nearbyTowns(ctx, home, random.int(1, 3)) : [];
      for (const division of divisions) {
        const listingName = divisions.length === 1 ? name : `${name} - ${division.name} Division`;
        listings.push(
          makeListing(ctx, brand, listingName, division, [home, ...extraBranches], false),
        );
      }
    }
    brands.push({ slug: brand.slug, name: brand.name, listings });
  }
  return { brands };
}
