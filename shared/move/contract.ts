/** Operations of move: take messages out of a queue to an exchange, another queue, or back where they died. */
import { z } from 'zod';
import type { MoveProgress } from './types';
import { vhostName } from '../schemas';
import { requiredAmqpName, amqpName } from '../validation/name-schemas';
import { op, streamEvent } from '../spec';

export const MAX_MOVE = 10_000_000;

export const moveInput = z.object({
  vhost: vhostName.optional(),
  source: requiredAmqpName('Source queue'),
  destination: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('queue'), queue: requiredAmqpName('Destination queue') }),
    z.object({ kind: z.literal('exchange'), exchange: amqpName('Destination exchange'), routingKey: amqpName('Routing key').default('') }),
    z.object({ kind: z.literal('replay') }),
  ]),
  mode: z.enum(['move', 'copy']).default('move'),
  /** A number, or omitted for all (the source's depth when the run starts). */
  count: z.number().int('a whole number').min(1, 'at least 1').max(MAX_MOVE).optional(),
  filter: z
    .object({
      header: z.object({ key: z.string().min(1, 'name the header').max(255), value: z.string().max(4096) }).optional(),
      bodyContains: z.string().min(1).max(4096).optional(),
    })
    .default({}),
  /** Wait for the end and answer with the final progress (the CLI and tests); the page follows events. */
  wait: z.boolean().default(false),
});

export const moveOperations = {
  'messages.move': op<MoveProgress>()(moveInput, 'Move, copy or replay messages out of a queue, each confirmed before its source is acknowledged'),
  'messages.move.cancel': op<MoveProgress>()(z.object({ runId: z.string().max(64) }), 'Stop a move; what was taken stays taken, the rest stays in the source'),
} as const;

export const moveEvents = {
  'messages.moveProgress': streamEvent<MoveProgress>(),
} as const;
