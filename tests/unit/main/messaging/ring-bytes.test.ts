import { describe, expect, it } from 'vitest';
import { IdRing } from '../../../../main/service/messaging/ring';

interface Sized {
  id: number;
  size: number;
}

describe('IdRing with a byte budget', () => {
  it('drops the oldest while the kept weigh more than the budget, always keeps the newest, and stays findable by id', () => {
    // A seeded stream of sizes (0..3 MB, some huge), checked after every push.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const ring = new IdRing<Sized>(100, 10_000_000, (x) => x.size);
    for (let id = 1; id <= 5_000; id++) {
      const size = random() < 0.02 ? 25_000_000 : Math.floor(random() * 3_000_000);
      ring.push({ id, size });
      const kept = ring.newest(ring.length);
      const weight = kept.reduce((sum, x) => sum + x.size, 0);
      expect(ring.bytes).toBe(weight);
      expect(kept.at(-1)!.id).toBe(id);
      expect(weight <= 10_000_000 || ring.length === 1).toBe(true);
      expect(ring.length).toBeLessThanOrEqual(100);
      expect(ring.length + ring.dropped).toBe(id);
      expect(ring.get(kept[0]!.id)).toBe(kept[0]);
      expect(ring.get(kept[0]!.id - 1)).toBeUndefined();
    }
  });

  it('counts only when no budget is given, as before', () => {
    const ring = new IdRing<Sized>(3);
    for (let id = 1; id <= 5; id++) ring.push({ id, size: 1e9 });
    expect(ring.newest(5).map((x) => x.id)).toEqual([3, 4, 5]);
    expect(ring.dropped).toBe(2);
  });
});
