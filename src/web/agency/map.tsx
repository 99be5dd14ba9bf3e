/**
 * A map of a listing's offices, drawn on the server as SVG: the UK outline (with Ireland for
 * context) from the world-atlas package (Natural Earth, 1:50m) projected with d3-geo, and one
 * dot per office. No tiles, no requests to anyone. The outline is projected once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { escapeHtml } from '@kitajs/html';
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

const MAP_WIDTH = 360;
const MAP_HEIGHT = 480;
const UK_ID = '826';
const IRELAND_ID = '372';

interface Outline {
  projection: GeoProjection;
  uk: string;
  ireland: string;
}

let outline: Outline | null = null;

function roundPath(d: string | null): string {
  // One decimal is a tenth of a pixel: plenty, and it halves the markup.
  return (d ?? '').replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

function loadOutline(): Outline {
  if (outline) return outline;
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    { name: string }
  >;
  const find = (id: string) => countries.features.find((f) => String(f.id) === id);
  const uk = find(UK_ID) as Feature<Geometry> | undefined;
  const ireland = find(IRELAND_ID) as Feature<Geometry> | undefined;
  if (!uk) throw new Error('world-atlas: no United Kingdom feature');
  // Transverse Mercator centred on 2°W, like the Ordnance Survey's grid: Britain looks upright.
  const projection = geoTransverseMercator()
    .rotate([2, 0])
    .fitExtent(
      [
        [12, 12],
        [MAP_WIDTH - 12, MAP_HEIGHT - 12],
      ],
      uk,
    );
  const path = geoPath(projection);
  outline = {
    projection,
    uk: roundPath(path(uk)),
    ireland: ireland ? roundPath(path(ireland)) : '',
  };
  return outline;
}

export interface MapPoint {
  lat: number;
  lon: number;
  /** What the dot is, for its tooltip: "Leeds office, LS1 4AP". */
  label: string;
}

/**
 * An accessible SVG (role img, <title> and <desc>) of the UK with a dot per point. `idPrefix`
 * keeps ids unique on the page.
 */
export function BranchMap(props: {
  title: string;
  description: string;
  points: readonly MapPoint[];
  idPrefix?: string;
}) {
  const { projection, uk, ireland } = loadOutline();
  const prefix = props.idPrefix ?? 'map';
  const dots = props.points
    .map((p) => ({ p, xy: projection([p.lon, p.lat]) }))
    .filter((d): d is { p: MapPoint; xy: [number, number] } => d.xy !== null);
  return (
    <svg
      class="map"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      width={String(MAP_WIDTH)}
      height={String(MAP_HEIGHT)}
      role="img"
      aria-labelledby={`${prefix}-title ${prefix}-desc`}
    >
      <title id={`${prefix}-title`}>{escapeHtml(props.title)}</title>
      <desc id={`${prefix}-desc`}>{escapeHtml(props.description)}</desc>
      {ireland ? <path class="land land-other" d={ireland} /> : ''}
      <path class="land" d={uk} />
      {dots.map(({ p, xy }) => (
        <circle class="branch" cx={xy[0].toFixed(1)} cy={xy[1].toFixed(1)} r="5">
          <title>{escapeHtml(p.label)}</title>
        </circle>
      ))}
    </svg>
  );
}
