import { useEffect, useMemo, useState } from 'preact/hooks';
import { EventTypesQuery, PlaceQuery } from '../graphql/documents';
import { useQuery } from '../graphql/hooks';
import { QUAD_NAMES, lower } from '../lib/format';
import { STATUSES, type Filter } from '../state/url';
import { ActorName, ActorPicker } from './ActorPicker';

export interface KnownPlace {
  id: string;
  name: string;
}

interface Props {
  filter: Filter;
  onChange: (f: Filter) => void;
  /** Places seen in the results, offered in the place list. */
  places: KnownPlace[];
}

const toggle = <T,>(values: T[], v: T, on: boolean) => (on ? [...values, v] : values.filter((x) => x !== v));
const selectedValues = (e: Event) => [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value);

/** The event filter; every change is written to the URL at once (the text when submitted). */
export function FilterForm({ filter, onChange, places }: Props) {
  const types = useQuery(EventTypesQuery, {});
  const [text, setText] = useState(filter.text ?? '');
  useEffect(() => setText(filter.text ?? ''), [filter.text]);
  const place = useQuery(PlaceQuery, { id: filter.place ?? '' }, !filter.place);

  const catalogue = types.data?.eventTypes ?? [];
  const roots = useMemo(() => catalogue.filter((t) => t.code === t.rootCode), [catalogue]);
  const codes = useMemo(
    () => catalogue.filter((t) => t.code !== t.rootCode && (!filter.roots.length || filter.roots.includes(t.rootCode))),
    [catalogue, filter.roots],
  );
  const set = (patch: Partial<Filter>) => onChange({ ...filter, ...patch });

  const hierarchy: string[] = [];
  for (let p = place.data?.place as { name: string; kind?: string | null; parent?: unknown } | null | undefined; p; p = p.parent as typeof p) {
    hierarchy.push(p.kind ? `${p.name} (${lower(p.kind)})` : p.name);
  }
  const placeOptions = [...places];
  if (filter.place && !places.some((p) => p.id === filter.place)) placeOptions.unshift({ id: filter.place, name: place.data?.place?.name ?? 'chosen place' });

  return (
    <form
      class="filter"
      data-testid="filter-form"
      aria-label="Event filter"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        set({ text: text.trim() || undefined });
      }}
    >
      <div class="field wide">
        <label for="filter-text">Full text (title, summary, quotes)</label>
        <div class="row">
          <input id="filter-text" data-testid="filter-text" type="search" name="text" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit">Search</button>
        </div>
      </div>
      <div class="field wide">
        <ActorPicker
          testId="filter-actor"
          label="Actors (any of them took part)"
          selected={filter.actors}
          onAdd={(id) => set({ actors: [...filter.actors, id] })}
          onRemove={(id) => set({ actors: filter.actors.filter((a) => a !== id) })}
        />
      </div>
      {filter.a && filter.b && (
        <div class="field wide">
          <span class="label">Between</span>
          <span class="chip"><ActorName id={filter.a} /> and <ActorName id={filter.b} /></span>
          <button type="button" class="link" onClick={() => set({ a: undefined, b: undefined })}>Remove pair</button>
        </div>
      )}
      <div class="field">
        <label for="filter-root">CAMEO root</label>
        <select id="filter-root" multiple size={5} onChange={(e) => set({ roots: selectedValues(e), codes: [] })}>
          {roots.map((t) => <option key={t.code} value={t.code} selected={filter.roots.includes(t.code)}>{t.code} {t.name}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="filter-code">CAMEO code</label>
        <select id="filter-code" multiple size={5} onChange={(e) => set({ codes: selectedValues(e) })}>
          {codes.map((t) => <option key={t.code} value={t.code} selected={filter.codes.includes(t.code)}>{t.code} {t.name}</option>)}
        </select>
      </div>
      <fieldset class="field">
        <legend>QuadClass</legend>
        {[1, 2, 3, 4].map((q) => (
          <label key={q} class="check">
            <input type="checkbox" name="quad" value={q} checked={filter.quads.includes(q)} onChange={(e) => set({ quads: toggle(filter.quads, q, (e.target as HTMLInputElement).checked) })} />
            {QUAD_NAMES[q]}
          </label>
        ))}
      </fieldset>
      <fieldset class="field">
        <legend>Status</legend>
        {STATUSES.map((s) => (
          <label key={s} class="check">
            <input type="checkbox" name="status" value={s} checked={filter.statuses.includes(s)} onChange={(e) => set({ statuses: toggle(filter.statuses, s, (e.target as HTMLInputElement).checked) })} />
            {lower(s)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="filter-from">From</label>
        <input id="filter-from" type="date" name="from" value={filter.from ?? ''} onChange={(e) => set({ from: (e.target as HTMLInputElement).value || undefined })} />
        <label for="filter-to">To</label>
        <input id="filter-to" type="date" name="to" value={filter.to ?? ''} onChange={(e) => set({ to: (e.target as HTMLInputElement).value || undefined })} />
      </div>
      <div class="field">
        <label for="filter-place">Place or territory (and what lies in it)</label>
        <select id="filter-place" name="place" onChange={(e) => set({ place: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="">anywhere</option>
          {placeOptions.map((p) => <option key={p.id} value={p.id} selected={p.id === filter.place}>{p.name}</option>)}
        </select>
        {hierarchy.length > 0 && <p class="muted" data-testid="place-hierarchy">{hierarchy.join(' › ')}</p>}
      </div>
      {types.error && <p role="alert" class="error">The CAMEO catalogue could not be loaded; codes are shown without names.</p>}
      <div class="field wide">
        <a href="/events" class="button-link">Clear the filter</a>
      </div>
    </form>
  );
}
