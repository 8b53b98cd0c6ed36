/**
 * AMQP names and table keys as zod schemas, for the contracts: the rules are in ./names.ts, so
 * the bridge refuses exactly what the page's forms say is wrong.
 */
import { z } from 'zod';
import { keyProblem, MAX_NAME_BYTES, nameProblem } from './names';

/**
 * A string the broker measures in UTF-8 bytes, refused with `problem`'s message. The bridge takes
 * up to 1024 characters so that the byte limit, not a character count, gives the message.
 */
const byteChecked = (what: string, problem: (value: string) => string | undefined) =>
  z
    .string()
    .max(1024, `${what} is far too long (at most ${MAX_NAME_BYTES} bytes)`)
    .superRefine((value, ctx) => {
      const message = problem(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    });

/** An AMQP short string as a zod schema. */
export const amqpName = (what: string) => byteChecked(what, (value) => nameProblem(value, what));

/** A name that cannot be empty or blank. */
export const requiredAmqpName = (what: string, emptyMessage = `give the ${what.toLowerCase()} a name`) =>
  amqpName(what).refine((v) => v.trim() !== '', emptyMessage);

/** A header or argument name as a zod schema. */
export const tableKey = (what = 'A header name') => byteChecked(what, (value) => keyProblem(value, what));
