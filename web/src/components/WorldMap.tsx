// The map: countries shaded by the largest figure reported in the selected period, each fact a
// circle at its place sized by its people (area ∝ people), a click on a circle for its details
// and on a country for its page. Leaflet over Natural Earth outlines; no tiles.
import L from 'leaflet';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type CountrySummary, type Fact, type FactPoint } from '../api.js';
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
/** The map pane the circles are drawn in (see the map's set-up). */
const FACTS_PANE = 'facts';

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
  box.append(...popupParts(f));
  return box;
}

function popupParts(f: Fact): HTMLElement[] {
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
  return [h, where, when, quote, link];
}

/** The popup of a map point: its details are asked for when it opens (the map has only the
 * point); `ready` keeps them as the popup's content once they are in. A failed load is shown
 * and asked again at the next opening. */
function lazyPopup(id: number, ready: () => void): HTMLElement {
  const box = document.createElement('div');
  box.textContent = 'Loading the fact…';
  api.fact(id).then(
    (f) => {
      box.replaceChildren(...popupParts(f));
      ready();
    },
    (e: Error) => (box.textContent = `The fact could not be loaded: ${e.message}`),
  );
  return box;
}

/** A circle on the map: a fact, or an event's claim. */
export interface MapPoint {
  /** Names the point across redraws (a fact's or a claim's id). */
  key: string;
  lat: number;
  lon: number;
  people: number;
  colour: string;
  /** The popup's content; `ready` is called when it was filled in after it was returned. */
  popup: (ready: () => void) => HTMLElement;
}

/** A fact with its details (GET /api/facts) or only what the map draws (/api/facts/points). */
export type MapFact = Fact | FactPoint;

export function factPoints(facts: readonly MapFact[]): MapPoint[] {
  const out: MapPoint[] = [];
  for (const f of facts) {
    const full = 'evidence' in f;
    const lat = full ? f.location?.lat : f.lat;
    const lon = full ? f.location?.lon : f.lon;
    const people = (full ? f.people?.count : f.people) ?? f.figure;
    if (lat === null || lat === undefined || lon === null || lon === undefined || !people) continue;
    out.push({
      key: `fact:${f.id}`,
      lat,
      lon,
      people,
      colour: TERM_COLOURS[f.term] ?? '#333',
      popup: full ? () => popupContent(f) : (ready) => lazyPopup(f.id, ready),
    });
  }
  return out;
}

interface Props {
  /** Countries shaded by their largest figure (max_people). */
  countries: Pick<CountrySummary, 'country' | 'facts' | 'max_people'>[];
  facts?: readonly MapFact[];
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
  const factsRenderer = useRef<L.Renderer | undefined>(undefined);
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
    // The circles are drawn by their own SVG renderer in a pane of their own (inside the overlay
    // pane, above the outlines): Leaflet puts each renderer's <svg> on its own compositing layer,
    // so a filter change that moves circles repaints the circles' layer, not the 177 outlines
    // under them, and restyled outlines do not repaint the circles.
    m.createPane(FACTS_PANE, m.getPane('overlayPane'));
    factsRenderer.current = L.svg({ pane: FACTS_PANE });
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
  /** The circles drawn, by point key and geometry, and the points they stand for. */
  const drawn = useRef(new Map<string, L.CircleMarker>());
  const current = useRef(new Map<string, MapPoint>());
  /** Circles taken out of the page but kept for later points, and where they were (see the
   * circles' effect). */
  const idle = useRef<L.CircleMarker[]>([]);
  const idleParent = useRef<Node | null>(null);
  /** Each country outline's style as last set (its fill and focus). */
  const styled = useRef(new Map<L.Path, string>());

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
      drawn.current = new Map();
      current.current = new Map();
      idle.current = [];
      idleParent.current = null;
      styled.current = new Map();
    };
  }, [outlines, focusKey]);

  // Countries restyled when their summaries change, and only those whose style changed: a
  // Leaflet setStyle rewrites every attribute of the path, and most countries keep their shade
  // from one filter to the next.
  useEffect(() => {
    const layer = shapes.current;
    if (!layer) return;
    layer.eachLayer((l) => {
      const path = l as L.Path & { feature?: CountryFeature };
      const iso3 = path.feature?.properties.iso3;
      const inFocus = iso3 !== undefined && focused.includes(iso3);
      const fillColor = shade(iso3 ? byCountry.current.get(iso3)?.max_people : null);
      const key = `${fillColor}|${inFocus}`;
      if (styled.current.get(path) === key) return;
      styled.current.set(path, key);
      path.setStyle({
        color: inFocus ? '#222' : '#9a9a9a',
        weight: inFocus ? 2 : 0.6,
        fillColor,
        fillOpacity: 1,
      });
    });
  }, [outlines, countries, focusKey]);

  // Circles redrawn when the facts (or points) change, and only those that changed: a circle
  // whose fact, place, size and colour are the same is kept, so two filters that share most of
  // their largest facts cost the difference, not 500 new SVG paths.
  useEffect(() => {
    const dots = circles.current;
    if (!dots) return;
    const before = drawn.current;
    const now = new Map<string, L.CircleMarker>();
    const ordered: L.CircleMarker[] = [];
    const next = [...factPoints(facts ?? []), ...(points ?? [])];
    const keyOf = (p: MapPoint) => `${p.key}|${p.lat}|${p.lon}|${p.people}|${p.colour}`;
    const wanted = new Set(next.map(keyOf));
    // Circles no longer wanted are reused for new points (moved, resized, recoloured), which is
    // cheaper than removing some and creating others. Those left over leave the page but not the map,
    // and are reused first by a later change: a filter that matches nothing and the next that matches
    // again would otherwise remove 500 circles and build 500 new ones (Leaflet builds a new path
    // element, its events and popup binding for each). A circle put aside keeps its Leaflet
    // layer; only its element leaves the page.
    const spare: L.CircleMarker[] = [...idle.current];
    for (const [key, c] of before)
      if (!wanted.has(key)) {
        spare.push(c);
        current.current.delete(key);
      }
    for (const p of next) {
      const key = keyOf(p);
      if (now.has(key)) continue;
      current.current.set(key, p);
      let c = before.get(key);
      if (!c) {
        c = spare.pop();
        if (c) {
          const el = c.getElement();
          if (el && !el.isConnected) idleParent.current?.appendChild(el);
          c.setLatLng([p.lat, p.lon]);
          c.setRadius(radius(p.people));
          // setStyle rewrites all of a path's style attributes (each one restyles the element):
          // only when the colour (the fact's term) is not already the circle's.
          if (c.options.fillColor !== p.colour) c.setStyle({ fillColor: p.colour });
        } else {
          c = L.circleMarker([p.lat, p.lon], {
            renderer: factsRenderer.current,
            radius: radius(p.people),
            color: '#fff',
            weight: 1,
            fillColor: p.colour,
            fillOpacity: 0.75,
          });
          c.addTo(dots);
          c.getElement()?.setAttribute('tabindex', '-1');
        }
        const marker = c;
        // The point as last drawn under this key: its popup reads the latest details.
        marker.unbindPopup();
        marker.bindPopup(
          () => {
            // Set as the content once filled in: Leaflet calls a content function again on
            // update(), which would start over.
            const box: HTMLElement = current.current
              .get(key)!
              .popup(() => marker.getPopup()?.setContent(box));
            return box;
          },
          { maxWidth: 320 },
        );
      }
      now.set(key, c);
      ordered.push(c);
    }
    for (const c of spare) {
      c.closePopup();
      const el = c.getElement();
      if (el?.parentNode) {
        idleParent.current = el.parentNode;
        el.remove();
      }
    }
    idle.current = spare;
    drawn.current = now;
    // Painted in list order (the largest first, so that smaller circles stay clickable on top):
    // new circles are appended at the end and moved into place; kept ones move only when the
    // order among them changed.
    const mine = new Set<ChildNode>();
    for (const c of ordered) {
      const el = c.getElement();
      if (el) mine.add(el);
    }
    const parent = ordered[0]?.getElement()?.parentNode;
    let expected = parent?.firstChild ?? null;
    while (expected && !mine.has(expected)) expected = expected.nextSibling;
    for (const c of ordered) {
      const el = c.getElement();
      if (!el || !parent) continue;
      if (el === expected) expected = el.nextSibling;
      else parent.insertBefore(el, expected);
    }
  }, [outlines, facts, points, focusKey]);

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
