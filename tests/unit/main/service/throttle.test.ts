import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../../../main/service/throttle';

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a lone request on the next turn, not an interval later', () => {
    const run = vi.fn();
    const throttle = new Throttle(33, run);
    throttle.request();
    throttle.request();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('under a stream of requests runs at most once per interval', () => {
    const run = vi.fn();
    const throttle = new Throttle(33, run);
    for (let ms = 0; ms < 330; ms++) {
      throttle.request();
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(33);
    // 330 ms of requests: one run at 0, then one per 33 ms, and the last request's run.
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(run.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('a request during the interval after a run waits for the interval to end', () => {
    const run = vi.fn();
    const throttle = new Throttle(33, run);
    throttle.request();
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(10);
    throttle.request();
    vi.advanceTimersByTime(22);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('with a pause watch, a run waiting for its interval goes once requests stop, and says so', () => {
    const run = vi.fn();
    const throttle = new Throttle(100, run, 20);
    throttle.request();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenLastCalledWith(false);
    // A stream for 50 ms: the next run waits for the interval while requests keep coming.
    for (let ms = 0; ms < 50; ms++) {
      throttle.request();
      vi.advanceTimersByTime(1);
    }
    expect(run).toHaveBeenCalledTimes(1);
    // Requests stopped at 50 ms: the run goes 20–40 ms later, before the interval's end at 100 ms.
    vi.advanceTimersByTime(40);
    expect(run).toHaveBeenCalledTimes(2);
    expect(run).toHaveBeenLastCalledWith(true);
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('after stop runs nothing, not even a run already due', () => {
    const run = vi.fn();
    const throttle = new Throttle(33, run);
    throttle.request();
    throttle.stop();
    throttle.request();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
  });
});
