/** The current page id from the address hash (#/connections), so reloads keep the page. */
import { useEffect, useState } from 'react';

function read(fallback: string): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return id || fallback;
}

export function useHashRoute(fallback: string): string {
  const [route, setRoute] = useState(() => read(fallback));
  useEffect(() => {
    const update = () => setRoute(read(fallback));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [fallback]);
  return route;
}

export function hrefFor(pageId: string): string {
  return `#/${pageId}`;
}
