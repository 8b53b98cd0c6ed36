/**
 * The one virtual list (on @tanstack/react-virtual): of `count` rows, only those in view (plus
 * `overscan` each side) are drawn, so 10,000 rows or a stream of thousands a second cost what
 * a screenful does. Rows share one height (fixed, or measured by the caller); a row is placed
 * by its `start`, or a <table> puts spacer rows of `before` and `after` around the drawn ones.
 */
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useLayoutEffect, type RefObject } from 'react';

interface Options {
  count: number;
  /** The scrolling element; nothing is observed while there are no rows. */
  scrollRef: RefObject<HTMLElement | null>;
  /** The row height in px. */
  rowHeight: number;
  overscan?: number;
  /** A guess of the viewport's height until it is observed (no layout is forced for it). */
  initialHeight?: number;
}

export interface VirtualRows {
  items: VirtualItem[];
  /** Height of every row together, in px. */
  totalHeight: number;
  /** Space above the first drawn row and below the last (for spacer rows in a <table>). */
  before: number;
  after: number;
  scrollToIndex: (index: number) => void;
}

export function useVirtualRows({ count, scrollRef, rowHeight, overscan = 6, initialHeight }: Options): VirtualRows {
  // A warning, not a fault: the library's functions are not memoizable, and this hook memoizes nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => (count > 0 ? scrollRef.current : null),
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: 0, height: initialHeight ?? rowHeight * 20 },
    // React 19 warns about flushSync inside its own render; a scroll frame later is fine.
    useFlushSync: false,
  });
  // A new row height (measured once drawn) moves every row.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const totalHeight = virtualizer.getTotalSize();
  return {
    items,
    totalHeight,
    before: items[0]?.start ?? 0,
    after: Math.max(0, totalHeight - (items[items.length - 1]?.end ?? 0)),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
