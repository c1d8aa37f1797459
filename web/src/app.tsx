import { useEffect, useRef } from 'preact/hooks';
import { lazyComponent } from './lazy';
import { interceptLinks, navigate, useLocation } from './router';
import { lastActor } from './state/lastActor';
import { EventsView } from './views/Events';

const DyadView = lazyComponent(() => import('./views/Dyad'), 'dyad view');
const ActorView = lazyComponent(() => import('./views/Actor'), 'actor view');
const MapView = lazyComponent(() => import('./views/Map'), 'map');
const LiveView = lazyComponent(() => import('./views/Live'), 'live feed');
const RecordView = lazyComponent(() => import('./views/Record'), 'record forms');

const ACTOR_PATH = /^\/actors\/([^/]+)\/?$/;

export function App() {
  const root = useRef<HTMLDivElement>(null);
  const { path, search } = useLocation();
  useEffect(() => interceptLinks(root.current!), []);
  useEffect(() => {
    if (path === '/' || path === '') navigate(`/events${search}`, true);
  }, [path]);

  const actorMatch = ACTOR_PATH.exec(path);
  const actorId = actorMatch ? decodeURIComponent(actorMatch[1]) : undefined;
  if (actorId) lastActor.set(actorId);
  const section = actorId ? 'actor' : path.split('/')[1] || 'events';

  let view;
  let title;
  switch (section) {
    case 'events': view = <EventsView search={search} />; title = 'Events'; break;
    case 'dyad': view = <DyadView search={search} />; title = 'Dyad'; break;
    case 'actor': view = <ActorView id={actorId!} />; title = 'Actor'; break;
    case 'map': view = <MapView search={search} />; title = 'Map'; break;
    case 'live': view = <LiveView />; title = 'Live'; break;
    case 'record': view = <RecordView />; title = 'Record'; break;
    default:
      view = <p>There is no page at {path}. Start with the <a href="/events">events</a>.</p>;
      title = 'Not found';
  }
  useEffect(() => {
    document.title = `${title} · Parley`;
  }, [title]);

  const actorHref = actorId ?? lastActor.get();
  const link = (name: string, href: string | undefined, key: string) => (
    href ? (
      <a href={href} aria-current={section === key ? 'page' : undefined}>{name}</a>
    ) : (
      <a aria-disabled="true" title="Open an actor from an event first" role="link">{name}</a>
    )
  );
  return (
    <div ref={root} class="app">
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <a class="brand" href="/events">Parley</a>
        <nav data-testid="nav" aria-label="Views">
          {link('Events', '/events', 'events')}
          {link('Dyad', '/dyad', 'dyad')}
          {link('Actor', actorHref ? `/actors/${encodeURIComponent(actorHref)}` : undefined, 'actor')}
          {link('Map', '/map', 'map')}
          {link('Live', '/live', 'live')}
          {link('Record', '/record', 'record')}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{view}</main>
      <footer class="muted">Parley · data from the Parley GraphQL API at <a href="/graphql" rel="nofollow">/graphql</a></footer>
    </div>
  );
}
