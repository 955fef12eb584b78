// Country outlines from Natural Earth (world-atlas, 1:110m), shipped with the app as a file of
// its own so the script stays small and the outlines are cached apart. No tile server.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { numericToAlpha3 } from './format.js';

export type CountryFeature = Feature<Geometry, { name: string; iso3: string | undefined }>;

type Ring = number[][];

/** A ring drawn across the antimeridian (Fiji's) would be a band around the world: its western
 * half is moved east by 360° so it is drawn as one small shape. */
function unwrapRing(ring: Ring): Ring {
  const lons = ring.map((p) => p[0]!);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
  return ring.map(([lon, lat]) => [lon! < 0 ? lon! + 360 : lon!, lat!]);
}

function unwrap(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon')
    return { ...g, coordinates: g.coordinates.map((poly) => poly.map(unwrapRing)) };
  return g;
}

let loading: Promise<CountryFeature[]> | null = null;

export function loadOutlines(): Promise<CountryFeature[]> {
  loading ??= fetch(worldUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topo) => {
      const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
      // Antarctica is left out: Mercator stretches it into a band across the bottom of the map.
      return fc.features
        .filter((f) => f.id !== '010')
        .map((f) => ({
          ...f,
          geometry: unwrap(f.geometry),
          properties: { name: f.properties.name, iso3: numericToAlpha3(f.id) },
        }));
    });
  return loading;
}
