import { useMemo } from 'preact/hooks';
import { ActorPicker } from '../components/ActorPicker';
import { EventResults } from '../components/EventResults';
import { DyadQuery } from '../graphql/documents';
import { describeError, useQuery } from '../graphql/hooks';
import { formatGoldstein, formatPeriod, QUAD_NAMES } from '../lib/format';
import { goldsteinColour } from '../lib/goldstein';
import { lazyComponent } from '../lazy';
import { navigate } from '../router';
import { decodeDyad, emptyFilter, encodeDyad, encodeFilter, INTERVALS, periodEnd, type DyadState } from '../state/url';

const DyadChart = lazyComponent(() => import('./DyadChart'), 'chart');

export default function DyadView({ search }: { search: string }) {
  const state = useMemo(() => decodeDyad(search), [search]);
  const go = (patch: Partial<DyadState>) => navigate(`/dyad?${encodeDyad({ ...state, ...patch })}`);
  const ready = !!(state.a && state.b);
  const dyad = useQuery(DyadQuery, { a: state.a ?? '', b: state.b ?? '', interval: state.interval }, !ready);
  const series = dyad.data?.dyad?.series ?? [];
  const names = dyad.data?.dyad ? [dyad.data.dyad.a?.name ?? 'first actor', dyad.data.dyad.b?.name ?? 'second actor'] : undefined;

  return (
    <div class="dyad-view">
      <h1>Dyad{names ? `: ${names[0]} and ${names[1]}` : ''}</h1>
      <form class="dyad-form" aria-label="Dyad" onSubmit={(e) => e.preventDefault()}>
        <ActorPicker testId="actor-picker-a" label="First actor" single selected={state.a ? [state.a] : []}
          onAdd={(id) => go({ a: id, period: undefined })} onRemove={() => go({ a: undefined, period: undefined })} />
        <ActorPicker testId="actor-picker-b" label="Second actor" single selected={state.b ? [state.b] : []}
          onAdd={(id) => go({ b: id, period: undefined })} onRemove={() => go({ b: undefined, period: undefined })} />
        <div class="field">
          <label for="dyad-interval">Per</label>
          <select id="dyad-interval" name="interval" value={state.interval} onChange={(e) => go({ interval: (e.target as HTMLSelectElement).value as DyadState['interval'], period: undefined })}>
            {INTERVALS.map((i) => <option key={i} value={i}>{i.toLowerCase()}</option>)}
          </select>
        </div>
      </form>
      {!ready && <p>Choose two actors to see how they dealt with each other over time.</p>}
      {ready && dyad.fetching && <p role="status">Loading the dyad…</p>}
      {ready && dyad.error && <p role="alert" class="error">{describeError(dyad.error)}</p>}
      {ready && !dyad.fetching && dyad.data && !series.length && <p class="empty">These two actors have no event together.</p>}
      {series.length > 0 && (
        <>
          <p>
            <a href={`/events?${encodeFilter({ ...emptyFilter(), a: state.a, b: state.b })}`}>All events between the two</a>
            {' · '}
            <a href={`/map?${encodeFilter({ ...emptyFilter(), a: state.a, b: state.b })}`}>on the map</a>
          </p>
          <DyadChart series={series} interval={state.interval} />
          <table data-testid="dyad-periods" class="periods">
            <caption>Events between the two actors per {state.interval.toLowerCase()} (choose a period to list its events)</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Events</th>
                <th scope="col">Mean Goldstein</th>
                {[1, 2, 3, 4].map((q) => <th scope="col" key={q}>{QUAD_NAMES[q]}</th>)}
              </tr>
            </thead>
            <tbody>
              {series.map((p) => {
                const share = (q: number) => {
                  const n = p.quadCounts.find((c) => c.quadClass === q)?.count ?? 0;
                  return p.count ? `${Math.round((100 * n) / p.count)} %` : '–';
                };
                const selected = state.period === p.period;
                return (
                  <tr key={p.period} data-testid="dyad-period" data-period={p.period} class={selected ? 'selected' : undefined}
                    aria-selected={selected} onClick={() => go({ period: p.period })}>
                    <th scope="row">
                      <button type="button" class="link" aria-pressed={selected} onClick={(e) => { e.stopPropagation(); go({ period: p.period }); }}>
                        {formatPeriod(p.period, state.interval)}
                      </button>
                    </th>
                    <td>{p.count}</td>
                    <td><span class="goldstein small" style={{ background: goldsteinColour(p.goldsteinMean) }}>{formatGoldstein(p.goldsteinMean)}</span></td>
                    {[1, 2, 3, 4].map((q) => <td key={q}>{share(q)}</td>)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {ready && state.period && (
        <section aria-labelledby="period-heading">
          <h2 id="period-heading">Events of the {state.interval.toLowerCase()} {formatPeriod(state.period, state.interval)}</h2>
          <EventResults filter={{ dyad: { a: state.a!, b: state.b! }, from: state.period, to: periodEnd(state.period, state.interval) }} />
        </section>
      )}
    </div>
  );
}
