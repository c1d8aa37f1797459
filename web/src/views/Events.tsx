import { useMemo, useState } from 'preact/hooks';
import { EventResults } from '../components/EventResults';
import { FilterForm, type KnownPlace } from '../components/FilterForm';
import type { EventFieldsFragment } from '../gql/graphql';
import { getToken } from '../graphql/client';
import { downloadExport, type ExportFormat } from '../lib/exportFile';
import { navigate } from '../router';
import { decodeFilter, encodeFilter, toEventFilter, type Filter } from '../state/url';

/** Places of the shown events, their territories at stake and the places those lie in. */
function placesOf(events: EventFieldsFragment[]): KnownPlace[] {
  const byId = new Map<string, string>();
  const add = (p: { id: string; name: string; parent?: unknown } | null | undefined) => {
    for (let q = p; q; q = q.parent as typeof q) byId.set(q.id, q.name);
  };
  events.forEach((e) => {
    add(e.location);
    (e.subjects ?? []).forEach(add);
  });
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export function EventsView({ search }: { search: string }) {
  const filter = useMemo(() => decodeFilter(search), [search]);
  const gqlFilter = useMemo(() => toEventFilter(filter), [filter]);
  const [places, setPlaces] = useState<KnownPlace[]>([]);
  const [file, setFile] = useState<{ format?: ExportFormat; bytes?: number; error?: string; busy: boolean }>({ busy: false });
  const change = (f: Filter) => {
    const q = encodeFilter(f);
    navigate(`/events${q ? `?${q}` : ''}`);
  };
  const download = async (format: ExportFormat) => {
    setFile({ format, busy: true, bytes: 0 });
    try {
      await downloadExport(format, gqlFilter, getToken(), (bytes) => setFile({ format, busy: true, bytes }));
      setFile((s) => ({ format, busy: false, bytes: s.bytes }));
    } catch (e) {
      setFile({ format, busy: false, error: (e as Error).message });
    }
  };
  const label = (format: ExportFormat) => (format === 'csv' ? 'CSV' : 'GeoJSON');
  const size = (bytes = 0) => (bytes < 1_000_000 ? `${Math.ceil(bytes / 1000)} KB` : `${(bytes / 1_000_000).toFixed(1)} MB`);
  return (
    <div class="events-view">
      <h1>Events</h1>
      <div class="layout">
        <aside aria-label="Filter">
          <FilterForm filter={filter} onChange={change} places={places} />
        </aside>
        <div class="content">
          <h2 class="sr-only">Matching events</h2>
          <div class="toolbar">
            <button type="button" data-testid="download-csv" onClick={() => download('csv')} disabled={file.busy}>
              {file.busy && file.format === 'csv' ? `Downloading CSV… ${size(file.bytes)}` : 'Download CSV (all matches)'}
            </button>
            <button type="button" data-testid="download-geojson" onClick={() => download('geojson')} disabled={file.busy}>
              {file.busy && file.format === 'geojson' ? `Downloading GeoJSON… ${size(file.bytes)}` : 'Download GeoJSON'}
            </button>
            <span role="status" class="muted">
              {!file.busy && file.format && file.bytes != null && !file.error && `${label(file.format)} file (${size(file.bytes)}) saved.`}
            </span>
            {file.error && file.format && <span role="alert" class="error">The {label(file.format)} download failed: {file.error}</span>}
            <a href={`/map${search}`}>Show on the map</a>
          </div>
          <EventResults filter={gqlFilter} onEvents={(events) => setPlaces(placesOf(events))} />
        </div>
      </div>
    </div>
  );
}
