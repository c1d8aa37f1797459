import { useEffect, useState } from 'preact/hooks';
import { client, onLiveStatus, type LiveStatus } from '../graphql/client';
import { LiveChangedSubscription, LiveRecordedSubscription } from '../graphql/documents';
import { withManifestText } from '../graphql/persisted';
import { formatEventDate, formatGoldstein, lower } from '../lib/format';
import { goldsteinColour } from '../lib/goldstein';

interface Item {
  key: string;
  kind: 'recorded' | 'changed';
  id: string;
  version: number;
  title: string;
  start?: string | null;
  status?: string | null;
  type?: { name: string; goldstein?: number | null } | null;
  at: Date;
}

const MAX_ITEMS = 200;
const STATUS_TEXT: Record<LiveStatus, string> = {
  connected: 'Connected: new and changed events appear here as they are written.',
  connecting: 'Connecting to the gateway…',
  reconnecting: 'The connection was lost; reconnecting (waiting longer after each failed try)…',
  offline: 'This browser is offline; the feed resumes when the network is back.',
};

export default function LiveView() {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => onLiveStatus(setStatus), []);
  useEffect(() => {
    const push = (kind: Item['kind'], e: Omit<Item, 'kind' | 'key' | 'at'> | null | undefined) => {
      if (!e) return;
      setItems((list) => {
        // eventChanged also announces recordings: one line per write is enough.
        if (kind === 'changed' && list.some((i) => i.id === e.id && i.version === e.version)) return list;
        return [{ ...e, kind, key: `${kind}-${e.id}-${e.version}`, at: new Date() }, ...list.filter((i) => !(i.id === e.id && i.version === e.version))].slice(0, MAX_ITEMS);
      });
    };
    const recorded = client.subscription(withManifestText(LiveRecordedSubscription), {}).subscribe((r) => {
      if (r.error) setError(r.error.message);
      push('recorded', r.data?.eventRecorded);
    });
    const changed = client.subscription(withManifestText(LiveChangedSubscription), {}).subscribe((r) => {
      if (r.error) setError(r.error.message);
      push('changed', r.data?.eventChanged);
    });
    const offline = () => setStatus('offline');
    addEventListener('offline', offline);
    return () => {
      recorded.unsubscribe();
      changed.unsubscribe();
      removeEventListener('offline', offline);
    };
  }, []);

  return (
    <div class="live-view">
      <h1>Live</h1>
      <p class={`live-status live-${status}`}>
        <span data-testid="live-status" role="status">{status}</span> <span class="muted">{STATUS_TEXT[status]}</span>
      </p>
      {error && <p role="alert" class="error">{error}</p>}
      {!items.length && <p class="empty">No event has been recorded or changed since this page was opened.</p>}
      <ol data-testid="live-feed" class="live-feed" aria-live="polite">
        {items.map((i) => (
          <li key={i.key} data-testid="live-event" data-event-id={i.id} data-kind={i.kind}>
            <span class="goldstein small" style={{ background: goldsteinColour(i.type?.goldstein) }}>{formatGoldstein(i.type?.goldstein)}</span>{' '}
            <strong class="kind">{i.kind}</strong>{' '}
            <a href={`/events?text=${encodeURIComponent(i.title)}`}>{i.title}</a>{' '}
            <span class="muted">
              {formatEventDate(i.start, 'DAY')} · {lower(i.status ?? '')} · {i.type?.name ?? ''} · version {i.version} · received {i.at.toLocaleTimeString('en-GB')}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
