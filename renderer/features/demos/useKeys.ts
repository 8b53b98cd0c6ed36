/** Presenter keys: space = next step, R = reset, F = failure toggle (not while typing in a field). */
import { useEffect } from 'react';

export function useDemoKeys(enabled: boolean, handlers: { next: () => void; reset: () => void; failure: () => void; exit: () => void }): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === ' ') handlers.next();
      else if (event.key === 'r' || event.key === 'R') handlers.reset();
      else if (event.key === 'f' || event.key === 'F') handlers.failure();
      else if (event.key === 'Escape') handlers.exit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, handlers]);
}
