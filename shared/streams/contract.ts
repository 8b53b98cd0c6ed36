/** Operations of streams: read a stream queue from an offset without consuming anything away. */
import { z } from 'zod';
import type { StreamPage } from './types';
import { requiredAmqpName } from '../validation/name-schemas';
import { op } from '../spec';

export const MAX_STREAM_READ = 1_000;

/** Offsets are unsigned 64-bit on the broker; a JavaScript number is exact up to 2^53. */
const offset = z.number().int('a whole number').min(0, 'an offset is 0 or more').max(Number.MAX_SAFE_INTEGER);

export const streamStart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first') }),
  z.object({ kind: z.literal('last') }),
  z.object({ kind: z.literal('next') }),
  z.object({ kind: z.literal('offset'), offset }),
  // Milliseconds; 0 .. year 9999, so the broker's seconds fit its 64-bit timestamp.
  z.object({ kind: z.literal('timestamp'), at: z.number().int('whole milliseconds').min(0).max(253_402_300_799_000) }),
]);

export const streamReadInput = z.object({
  queue: requiredAmqpName('Stream queue'),
  from: streamStart,
  count: z.number().int('a whole number').min(1, 'at least 1').max(MAX_STREAM_READ, `at most ${MAX_STREAM_READ.toLocaleString('en-US')}`).default(100),
});

export const streamsOperations = {
  'streams.read': op<StreamPage>()(streamReadInput, 'Read up to count messages of a stream queue from an offset, with their offsets; nothing is consumed away'),
} as const;
