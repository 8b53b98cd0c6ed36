/** Operations and events of demos: the tutorial's scenarios, run from one click or one key. */
import { z } from 'zod';
import type { DemoCode } from './code';
import type { DemoState, DemoSummary } from './types';
import { DEMO_NAMES } from './types';
import { empty } from '../schemas';
import { amqpName } from '../validation/name-schemas';
import { op, stateEvent } from '../spec';

const demoName = z.enum(DEMO_NAMES, { message: `choose one of ${DEMO_NAMES.join(', ')}` });

const demoOptions = z
  .object({
    dotMs: z.number().int().min(0).max(10_000).optional(),
    prefetch: z.number().int().min(0).max(1000).optional(),
    variant: z.enum(['topic', 'direct', 'fanout']).optional(),
    emailMs: z.number().int().min(0).max(30_000).optional(),
    syncScale: z.number().min(0).max(10).optional(),
    idempotent: z.boolean().optional(),
    durableExchange: z.boolean().optional(),
    rateMessages: z.number().int().min(1).max(10_000).optional(),
    burst: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const demoOperations = {
  'demos.list': op<DemoSummary[]>()(empty, 'The tutorial scenarios Warren can run'),
  'demos.state': op<DemoState>()(empty, 'The running demo (or idle)'),
  'demos.run': op<DemoState>()(
    z.object({ name: demoName, options: demoOptions.optional() }).strict(),
    'Start a demo: reset the previous one, declare its topology, start its programs, run its first step',
  ),
  'demos.step': op<DemoState>()(empty, 'Run the next narrated step of the running demo'),
  'demos.action': op<DemoState>()(
    z
      .object({
        action: z.string().min(1).max(64),
        routingKey: amqpName('Routing key')
          .refine((v) => v.trim().length > 0, 'type a routing key, e.g. kernel.error')
          .optional(),
        count: z.number().int().min(1, 'at least 1').max(1000, 'at most 1000 at a time').optional(),
        rate: z.number().min(0).max(50, 'at most 50 per second').optional(),
      })
      .strict(),
    'Press one of the running demo’s buttons (place an order, send a key …)',
  ),
  'demos.failure': op<DemoState>()(
    z.object({ on: z.boolean().optional() }).strict(),
    'Switch the demo’s failure on or off (take the email service down, kill worker 1 …); toggles when `on` is absent',
  ),
  'demos.setOptions': op<DemoState>()(demoOptions, 'Change options of the running demo (e.g. the idempotency toggle)'),
  'demos.reset': op<DemoState>()(empty, 'Stop the demo’s programs and delete exactly what it declared'),
  'demos.code': op<DemoCode>()(
    z.object({ name: demoName }).strict(),
    'The tutorial’s Python and the same in TypeScript (amqplib), with the current broker’s connection details',
  ),
} as const;

export const demoEvents = {
  'demos.state': stateEvent<DemoState>(),
} as const;
