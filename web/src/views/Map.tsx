// The map (a separate chunk, with its world outline): event places as circles on an SVG world map
// drawn offline from world-atlas's Natural Earth TopoJSON with d3-geo; no tile server, no network.
import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { MapEventsQuery } from '../graphql/documents';
import { describeError, request } from '../graphql/hooks';
import { formatGoldstein } from '../lib/format';
import { goldsteinColour } from '../lib/goldstein';
import { navigate } from '../router';
import { decodeFilter, encodeFilter, toEventFilter } from '../state/url';

/** At most this many events are placed (5 requests); the page says so when there are more. */
const MAX_EVENTS = 500;
const WIDTH = 960;
const HEIGHT = 500;

interface PlaceDot {
  id: string;
  name: string;
  lat: number;
  lon: number;
  count: number;
  goldsteinSum: number;
  scored: number;
}

const land = feature(world as unknown as Topology, (world as unknown as Topology).objects.countries as GeometryCollection);

export default function MapView({ search }: { search: string }) {
  const filter = useMemo(() => decodeFilter(search), [search]);
  const [state, setState] = useState<{ dots: PlaceDot[]; events: number; unplaced: number; more: boolean; loading: boolean; error?: string }>({ dots: [], events: 0, unplaced: 0, more: false, loading: true });

  useEffect(() => {
    let live = true;
    (async () => {
      setState((s) => ({ ...s, loading: true, error: undefined }));
      const byPlace = new Map<string, PlaceDot>();
      let after: string | undefined;
      let events = 0;
      let unplaced = 0;
      let more = false;
      do {
        const r = await request(MapEventsQuery, { filter: toEventFilter(filter), after });
        if (!live) return;
        const conn = r.data?.events;
        if (!conn) {
          setState((s) => ({ ...s, loading: false, error: describeError(r.error) ?? 'The events could not be loaded.' }));
          return;
        }
        for (const { node } of conn.edges) {
          events += 1;
          const loc = node.location;
          if (!loc || loc.latitude == null || loc.longitude == null) {
            unplaced += 1;
            continue;
          }
          const dot = byPlace.get(loc.id) ?? { id: loc.id, name: loc.name, lat: loc.latitude, lon: loc.longitude, count: 0, goldsteinSum: 0, scored: 0 };
          dot.count += 1;
          if (node.type?.goldstein != null) {
            dot.goldsteinSum += node.type.goldstein;
            dot.scored += 1;
          }
          byPlace.set(loc.id, dot);
        }
        more = conn.pageInfo.hasNextPage;
        after = conn.pageInfo.endCursor ?? undefined;
      } while (more && after && events < MAX_EVENTS);
      setState({ dots: [...byPlace.values()].sort((a, b) => b.count - a.count), events, unplaced, more, loading: false });
    })();
    return () => {
      live = false;
    };
  }, [search]);

  const projection = useMemo(() => {
    const p = geoNaturalEarth1();
    if (state.dots.length) {
      // Frame the places (with room around them) rather than the whole world.
      const lons = state.dots.map((d) => d.lon);
      const lats = state.dots.map((d) => d.lat);
      const pad = 12;
      const box: GeoPermissibleObjects = {
        type: 'MultiPoint',
        coordinates: [[Math.min(...lons) - pad, Math.min(...lats) - pad], [Math.max(...lons) + pad, Math.max(...lats) + pad]],
      };
      return p.fitExtent([[20, 20], [WIDTH - 20, HEIGHT - 20]], box);
    }
    return p.fitSize([WIDTH, HEIGHT], land);
  }, [state.dots]);
  const path = geoPath(projection);
  const open = (id: string) => navigate(`/events?${encodeFilter({ ...filter, place: id })}`);

  return (
    <div class="map-view">
      <h1>Map</h1>
      <p role="status" class="muted">
        {state.loading ? 'Loading event places…' : `${state.events} events${state.more ? ` (the first ${state.events}; narrow the filter to place the rest)` : ''} in ${state.dots.length} places${state.unplaced ? `; ${state.unplaced} without coordinates` : ''}.`}
        {' '}Circles grow with the number of events; colour is the mean Goldstein score (red conflict, green cooperation). Choose a place to list its events.
      </p>
      {state.error && <p role="alert" class="error">{state.error}</p>}
      <div data-testid="map" class="map">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label="World map of event places">
          <rect width={WIDTH} height={HEIGHT} class="sea" />
          <path d={path(land) ?? ''} class="land" aria-hidden="true" />
          {state.dots.map((d) => {
            const xy = projection([d.lon, d.lat]);
            if (!xy) return null;
            const mean = d.scored ? d.goldsteinSum / d.scored : null;
            const name = `${d.name}: ${d.count} ${d.count === 1 ? 'event' : 'events'}, mean Goldstein ${formatGoldstein(mean)}`;
            return (
              <g key={d.id} data-testid="map-place" data-place-id={d.id} role="link" tabIndex={0} aria-label={name} class="dot"
                onClick={() => open(d.id)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open(d.id))}>
                <title>{name}</title>
                <circle cx={xy[0]} cy={xy[1]} r={5 + 5 * Math.sqrt(d.count)} fill={goldsteinColour(mean)} />
                <text x={xy[0] + 8 + 5 * Math.sqrt(d.count)} y={xy[1] + 4}>{d.name}</text>
              </g>
            );
          })}
        </svg>
      </div>
      {state.dots.length > 0 && (
        <table class="places">
          <caption>Places on the map</caption>
          <thead><tr><th scope="col">Place</th><th scope="col">Events</th><th scope="col">Mean Goldstein</th></tr></thead>
          <tbody>
            {state.dots.map((d) => (
              <tr key={d.id}>
                <th scope="row"><a href={`/events?${encodeFilter({ ...filter, place: d.id })}`}>{d.name}</a></th>
                <td>{d.count}</td>
                <td>{formatGoldstein(d.scored ? d.goldsteinSum / d.scored : null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
