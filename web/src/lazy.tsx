// Heavy views and widgets (map, graph, chart) are separate chunks, loaded when first shown, so the
// first page load stays within the size budget (scripts/budget.mjs).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, what: string): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const [C, setC] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState<string>();
    useEffect(() => {
      if (C) return;
      load().then((m) => {
        loaded = m.default;
        setC(() => m.default);
      }, (e: Error) => setFailed(e.message));
    }, []);
    if (failed) return <p role="alert">The {what} could not be loaded ({failed}). Reload the page to try again.</p>;
    if (!C) return <p class="muted" role="status">Loading the {what}…</p>;
    return <C {...props} />;
  };
}
