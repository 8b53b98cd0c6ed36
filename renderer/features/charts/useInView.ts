/**
 * Whether an element is on screen (or just about to be). Chart panels that are scrolled out of
 * view keep their numbers but skip drawing: a page of a dozen queue charts redrawn every second
 * costs a core otherwise, and nobody sees the ones below the fold.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * How far outside the viewport a panel still counts as visible: a small margin, so that a panel
 * scrolling in is drawn as it appears, but not the next row of the page (which would double the
 * panels redrawn every second at 1280×800).
 */
const MARGIN = '40px 0px';

export function useInView<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  // Drawn until the observer says otherwise: no blank first frame, and hosts without
  // IntersectionObserver still draw everything.
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setInView(last.isIntersecting);
    }, { rootMargin: MARGIN });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, inView];
}
