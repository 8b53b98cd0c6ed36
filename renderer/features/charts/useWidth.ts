/** An element's width in CSS pixels, kept current as it resizes (undefined until measured). */
import { useEffect, useState, type RefObject } from 'react';

export function useWidth(ref: RefObject<Element | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const last = entries[entries.length - 1];
      // Whole pixels: a sub-pixel change must not rebuild the points.
      if (last) setWidth(Math.round(last.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
