// Country outlines from Natural Earth (world-atlas, 1:110m), shipped with the app as a file of
// its own so the script stays small and the outlines are cached apart. No tile server.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { numericToAlpha3 } from './format.js';

export type CountryFeature = Feature<Geometry, { name: string; iso3: string | undefined }>;

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
          properties: { name: f.properties.name, iso3: numericToAlpha3(f.id) },
        }));
    });
  return loading;
}
