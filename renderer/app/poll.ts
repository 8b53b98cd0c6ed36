/**
 * Polling, the one way: ask now, and again a while after each answer (never two requests in
 * flight). `tick` gets `active()` so an answer that arrives after stop() changes nothing; it may
 * return the wait before the next tick (a slow broker is asked less often).
 */
export function poll(tick: (active: () => boolean) => Promise<number | void>, everyMs: number): () => void {
  let active = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const wait = await tick(() => active);
    if (active) timer = setTimeout(() => void run(), wait ?? everyMs);
  };
  void run();
  return () => {
    active = false;
    if (timer) clearTimeout(timer);
  };
}
