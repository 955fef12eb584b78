// The map: countries shaded by the largest figure reported in the selected period, each fact a
// circle at its place sized by its people (area ∝ people), a click on a circle for its details
// and on a country for its page. Leaflet over Natural Earth outlines; no tiles.
import L from 'leaflet';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CountrySummary, Fact } from '../api.js';
import { countryName, factHeadline, formatNumber, placeLabel, TERM_COLOURS } from '../format.js';
import { loadOutlines, type CountryFeature } from '../outlines.js';
import { navigate } from '../router.js';

/** Class breaks (people) and their colours: ColorBrewer OrRd, readable on the pale sea. */
export const SHADES: [number, string][] = [
  [1, '#fdd49e'],
  [1_000, '#fdbb84'],
  [10_000, '#fc8d59'],
  [100_000, '#e34a33'],
  [1_000_000, '#b30000'],
];
const NO_DATA = '#f2f0ec';

function shade(people: number | null | undefined): string {
  if (!people) return NO_DATA;
  let colour = NO_DATA;
  for (const [from, c] of SHADES) if (people >= from) colour = c;
  return colour;
}

/** Circle radius in pixels: area proportional to the people counted. */
const radius = (people: number) => Math.max(3, Math.sqrt(people) / 18);

function popupContent(f: Fact): HTMLElement {
  const box = document.createElement('div');
  const h = document.createElement('strong');
  h.textContent = factHeadline(f);
  const where = document.createElement('div');
  where.textContent = placeLabel(f.location?.name, f.admin1, countryName(f.country));
  const when = document.createElement('div');
  when.textContent = f.fact_date ? `date: ${f.fact_date}` : 'date: not stated';
  const quote = document.createElement('blockquote');
  quote.textContent = f.evidence;
  const link = document.createElement('a');
  link.href = `/article/${f.article_id}`;
  link.textContent = 'Open the article';
  box.append(h, where, when, quote, link);
  return box;
}

/** A circle on the map: a fact, or an event's claim. */
export interface MapPoint {
  lat: number;
  lon: number;
  people: number;
  colour: string;
  popup: () => HTMLElement;
}

export function factPoints(facts: readonly Fact[]): MapPoint[] {
  const out: MapPoint[] = [];
  for (const f of facts) {
    const lat = f.location?.lat;
    const lon = f.location?.lon;
    const people = f.people?.count ?? f.figure;
    if (lat === null || lat === undefined || lon === null || lon === undefined || !people) continue;
    out.push({ lat, lon, people, colour: TERM_COLOURS[f.term] ?? '#333', popup: () => popupContent(f) });
  }
  return out;
}

interface Props {
  /** Countries shaded by their largest figure (max_people). */
  countries: Pick<CountrySummary, 'country' | 'facts' | 'max_people'>[];
  facts?: Fact[];
  /** Circles other than facts (an event's claims); drawn after the facts. */
  points?: MapPoint[];
  /** ISO3 of the countries to zoom to (a country or an event page). */
  focus?: string | readonly string[];
  label: string;
  /** What the circles are, for the legend. */
  pointsLabel?: string;
  small?: boolean;
}

export function WorldMap({
  countries,
  facts,
  points,
  focus,
  label,
  pointsLabel = 'facts at their places',
  small,
}: Props): JSX.Element {
  const focused = focus === undefined ? [] : typeof focus === 'string' ? [focus] : [...focus];
  const focusKey = focused.join(',');
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const [outlines, setOutlines] = useState<CountryFeature[] | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, {
      center: [20, 15],
      zoom: small ? 1 : 2,
      minZoom: 1,
      maxZoom: 9,
      zoomSnap: 0.5,
      worldCopyJump: false,
      maxBounds: [
        [-85, -220],
        [85, 220],
      ],
      attributionControl: true,
      // Popups and tiles appear at once: a popup fading in is read (by people and by contrast
      // checks) at a fraction of its contrast.
      fadeAnimation: false,
    });
    m.attributionControl.setPrefix(false).addAttribution('Outlines: Natural Earth');
    map.current = m;
    layers.current = L.layerGroup().addTo(m);
    let live = true;
    void loadOutlines().then((o) => live && setOutlines(o));
    // The map's size follows its box (phone rotation, window resize).
    // Without animation: a pan still running when the page unmounts the map would read the
    // removed map's panes (Leaflet's "_leaflet_pos of undefined").
    const ro = new ResizeObserver(() => m.invalidateSize({ animate: false }));
    ro.observe(el.current);
    return () => {
      live = false;
      ro.disconnect();
      m.stop();
      m.remove();
    };
  }, []);

  // The outlines are drawn once (per focus); a filter change only restyles them and redraws the
  // circles, which keeps a change cheap: 177 country shapes are not rebuilt each time.
  const byCountry = useRef(new Map<string, Pick<CountrySummary, 'country' | 'facts' | 'max_people'>>());
  byCountry.current = new Map(countries.map((c) => [c.country, c]));
  const shapes = useRef<L.GeoJSON | null>(null);
  const circles = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    if (!m || !group || !outlines) return;
    const layer = L.geoJSON(outlines, {
      onEachFeature: (f: CountryFeature, l) => {
        const iso3 = f.properties.iso3;
        l.bindTooltip(
          () => {
            const c = iso3 ? byCountry.current.get(iso3) : undefined;
            return c
              ? `${countryName(iso3)}: ${c.facts} facts, largest ${formatNumber(c.max_people)} people`
              : `${f.properties.name}: no facts`;
          },
          { sticky: true },
        );
        l.on('click', () => {
          if (iso3 && byCountry.current.has(iso3)) navigate(`/country/${iso3}${window.location.search}`);
        });
      },
    });
    group.addLayer(layer);
    // Out of the Tab order: 177 outlines and every circle would stand between the filters and
    // the tables. Keyboard users reach countries and facts through the tables below the map.
    layer.eachLayer((c) => (c as L.Path).getElement()?.setAttribute('tabindex', '-1'));
    shapes.current = layer;
    circles.current = L.layerGroup().addTo(group);
    const targets = outlines.filter((o) => o.properties.iso3 && focused.includes(o.properties.iso3));
    if (targets.length)
      m.fitBounds(L.geoJSON(targets).getBounds(), {
        padding: [10, 10],
        maxZoom: 6,
        animate: false,
      });
    return () => {
      group.clearLayers();
      shapes.current = null;
      circles.current = null;
    };
  }, [outlines, focusKey]);

  useEffect(() => {
    const layer = shapes.current;
    const dots = circles.current;
    if (!layer || !dots) return;
    layer.setStyle((f) => {
      const iso3 = (f as CountryFeature | undefined)?.properties.iso3;
      const inFocus = iso3 !== undefined && focused.includes(iso3);
      return {
        color: inFocus ? '#222' : '#9a9a9a',
        weight: inFocus ? 2 : 0.6,
        fillColor: shade(iso3 ? byCountry.current.get(iso3)?.max_people : null),
        fillOpacity: 1,
      };
    });
    dots.clearLayers();
    for (const p of [...factPoints(facts ?? []), ...(points ?? [])]) {
      const c = L.circleMarker([p.lat, p.lon], {
        radius: radius(p.people),
        color: '#fff',
        weight: 1,
        fillColor: p.colour,
        fillOpacity: 0.75,
      })
        .bindPopup(p.popup, { maxWidth: 320 })
        .addTo(dots);
      c.getElement()?.setAttribute('tabindex', '-1');
    }
  }, [outlines, countries, facts, points, focusKey]);

  return (
    <figure class={small ? 'map small' : 'map'}>
      <div ref={el} class="map-canvas" role="region" aria-label={label} />
      <figcaption class="legend">
        <span>Largest figure reported (people):</span>
        {SHADES.map(([from, c]) => (
          <span key={from} class="swatch-item">
            <span class="swatch" style={{ background: c }} />≥ {formatNumber(from)}
          </span>
        ))}
        <span>· circles: {pointsLabel}, area ∝ people</span>
      </figcaption>
    </figure>
  );
}
