// Path routing on the History API: the gateway answers index.html for every app path, so a link or
// a reload lands on the same view; the query string holds the view's state (state/url.ts).
import { useEffect, useState } from 'preact/hooks';

export interface Loc {
  path: string;
  search: string;
}

const current = (): Loc => ({ path: location.pathname, search: location.search });

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return loc;
}

/** Same-origin links are followed without a page load (modified clicks keep their usual meaning). */
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (a.pathname.startsWith('/graphql') || a.pathname.startsWith('/q/')) return;
    e.preventDefault();
    navigate(a.pathname + a.search);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
