import { useEffect, useRef, useState } from 'preact/hooks';
import { ActorNameQuery, SearchActorsQuery } from '../graphql/documents';
import { describeError, request, useQuery } from '../graphql/hooks';

interface Found {
  id: string;
  name: string;
  kind: string;
  country?: string | null;
}

/** An actor's name for an id held in the URL. */
export function ActorName({ id }: { id: string }) {
  const { data, fetching } = useQuery(ActorNameQuery, { id });
  if (fetching && !data) return <span class="muted">…</span>;
  return <>{data?.actor?.name ?? `unknown actor ${id.slice(-4)}`}</>;
}

interface Props {
  testId: string;
  label: string;
  selected: string[];
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
  /** One actor only: picking another replaces it. */
  single?: boolean;
}

/** A labelled search box over `actors(filter: {text})` with the chosen actors as removable chips. */
export function ActorPicker({ testId, label, selected, onAdd, onRemove, single }: Props) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const [error, setError] = useState<string>();
  const [searching, setSearching] = useState(false);
  const listId = useRef(`${testId}-options`).current;
  const inputId = `${testId}-input`;

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound([]);
      setError(undefined);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      request(SearchActorsQuery, { text: q }).then((r) => {
        if (!live) return;
        setSearching(false);
        setError(describeError(r.error));
        setFound((r.data?.actors?.edges ?? []).map((e) => e.node));
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const pick = (id: string) => {
    if (single) selected.filter((s) => s !== id).forEach(onRemove);
    if (!selected.includes(id)) onAdd(id);
    setText('');
    setFound([]);
  };
  const open = found.length > 0;

  return (
    <div class="picker">
      <label for={inputId}>{label}</label>
      {selected.length > 0 && (
        <ul class="chips" aria-label={`${label}: chosen`}>
          {selected.map((id) => (
            <li key={id} class="chip" data-actor-id={id}>
              <a href={`/actors/${encodeURIComponent(id)}`}><ActorName id={id} /></a>
              <button type="button" class="chip-remove" onClick={() => onRemove(id)} aria-label="Remove actor">×</button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        data-testid={testId}
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        placeholder="Type a name or alias"
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && found[0]) {
            e.preventDefault();
            pick(found[0].id);
          } else if (e.key === 'ArrowDown' && open) {
            e.preventDefault();
            (document.getElementById(listId)?.querySelector('[role=option]') as HTMLElement | null)?.focus();
          } else if (e.key === 'Escape') setFound([]);
        }}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: matches`} class="options" hidden={!open}>
        {found.map((a) => (
          <li
            key={a.id}
            role="option"
            aria-selected={selected.includes(a.id)}
            tabIndex={0}
            data-testid="actor-option"
            data-actor-id={a.id}
            onClick={() => pick(a.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                pick(a.id);
              } else if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
              else if (e.key === 'ArrowUp') ((e.currentTarget.previousElementSibling as HTMLElement | null) ?? document.getElementById(inputId))?.focus();
            }}
          >
            {a.name} <span class="muted">{a.kind.toLowerCase()}{a.country ? `, ${a.country}` : ''}</span>
          </li>
        ))}
      </ul>
      {searching && text.trim().length >= 2 && <span class="muted" role="status">Searching…</span>}
      {!searching && text.trim().length >= 2 && !found.length && !error && <span class="muted" role="status">No actor matches “{text.trim()}”.</span>}
      {error && <span role="alert" class="error">{error}</span>}
    </div>
  );
}
