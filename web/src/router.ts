// A small history router: the page's path picks the page, its query holds the filters. Links
// inside the app change the URL without reloading; back and forward work as usual.
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  search: string;
}

const current = (): Location => ({ path: window.location.pathname, search: window.location.search });
const listeners = new Set<() => void>();

export function navigate(url: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return loc;
}

/** Same-origin link clicks (plain left click, no modifier) handled by the router. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    // In-page anchors (the skip link) keep the browser's own behaviour.
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash)
      return;
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}
