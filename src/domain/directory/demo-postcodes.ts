/**
 * Postcodes for demo branches: one of the real postcode districts of the branch's own town, from
 * the district table (LS1-LS17 for Leeds, BT74 for Enniskillen), so that every demo postcode
 * resolves back to the branch's town. Areas with no district in the table (HS, ZE) give their own
 * town the area's first district (HS1 Stornoway, ZE1 Lerwick). Towns with no district of their
 * own get none: the generator places offices only in towns that have one.
 */
import type { Town } from './places.js';
import { listPostcodeAreas, listPostcodeDistricts } from './postcodes.js';

let districtsByTown: Map<string, readonly string[]> | null = null;

function compareDistricts(a: string, b: string): number {
  const [, areaA = '', numA = '0'] = /^([A-Z]+)(\d+)$/.exec(a) ?? [];
  const [, areaB = '', numB = '0'] = /^([A-Z]+)(\d+)$/.exec(b) ?? [];
  return areaA === areaB ? Number(numA) - Number(numB) : areaA < areaB ? -1 : 1;
}

function buildTable(): Map<string, readonly string[]> {
  const table = new Map<string, string[]>();
  const add = (townId: string, district: string) => {
    const list = table.get(townId);
    if (list) list.push(district);
    else table.set(townId, [district]);
  };
  const areasWithDistricts = new Set<string>();
  for (const { district, town } of listPostcodeDistricts()) {
    add(town.id, district);
    areasWithDistricts.add(district.replace(/\d+$/, ''));
  }
  for (const area of listPostcodeAreas()) {
    if (!areasWithDistricts.has(area.code)) add(area.town.id, `${area.code}1`);
  }
  for (const list of table.values()) list.sort(compareDistricts);
  return table;
}

/** The postcode districts (outward codes) that resolve to this town, in order; empty when none. */
function listDemoDistricts(town: Town): readonly string[] {
  districtsByTown ??= buildTable();
  return districtsByTown.get(town.id) ?? [];
}

/** Whether a demo office can sit in this town: some postcode district resolves to it. */
export function hasDemoDistrict(town: Town): boolean {
  return listDemoDistricts(town).length > 0;
}

/**
 * The outward code (e.g. `LS6`, `IV1`) of a demo branch in this town: the district at `choice`
 * (a number in [0, 1)) along the town's districts. Throws for a town with no district.
 */
export function demoOutcodeForTown(town: Town, choice = 0): string {
  const list = listDemoDistricts(town);
  const code = list[Math.min(list.length - 1, Math.floor(choice * list.length))];
  if (code === undefined) throw new Error(`demo postcodes: no district for ${town.id}`);
  return code;
}
