/**
 * A broker refusal of a topology command, told in the user's terms with what to do next.
 * The broker's own sentence is kept (it names the object); the hint is specific to the case.
 */
import type { WarrenError } from '../../../shared/errors';
import { toWarrenError } from '../errors';

export type Action = 'declare-exchange' | 'declare-queue' | 'bind' | 'unbind' | 'delete-exchange' | 'delete-queue' | 'purge';

export function refusal(err: unknown, action: Action, name: string): WarrenError {
  const error = toWarrenError(err);
  const text = error.message;
  switch (error.code) {
    case 'ACCESS_REFUSED':
      if (/reserved prefix/.test(text)) {
        return {
          ...error,
          message: `Names starting with "amq." are reserved for the broker: ${text}`,
          hint: `Choose a name that does not start with "amq." (e.g. ${name.replace(/^amq\./, '') || 'my-name'}).`,
          field: action === 'bind' || action === 'unbind' ? 'source' : 'name',
        };
      }
      return { ...error, hint: 'The user lacks configure/write/read permission for this name on this virtual host; ask an administrator.' };
    case 'NOT_FOUND': {
      const missing = /no (exchange|queue) '([^']*)'/.exec(text);
      const what = missing ? `${missing[1]} '${missing[2]}'` : 'object';
      const field =
        action === 'bind' || action === 'unbind'
          ? missing?.[2] === name
            ? 'source'
            : 'destination'
          : action === 'declare-exchange'
            ? 'alternateExchange'
            : 'name';
      return {
        ...error,
        message: `The ${what} does not exist in this virtual host`,
        hint:
          action === 'bind' || action === 'unbind'
            ? `Declare the ${missing?.[1] ?? 'exchange or queue'} first, or check the spelling (names are case-sensitive).`
            : 'Check the name (names are case-sensitive); it may have been deleted meanwhile.',
        field,
      };
    }
    case 'RESOURCE_LOCKED': {
      const locked = /locked queue '([^']*)'/.exec(text)?.[1] ?? name;
      return {
        ...error,
        message: `Queue '${locked}' is exclusive to another connection`,
        hint: 'Only the connection that declared an exclusive queue may use it; it disappears when that connection closes. Use another queue or close that connection.',
        field: action === 'bind' || action === 'unbind' ? 'destination' : 'name',
      };
    }
    case 'PRECONDITION_FAILED':
      if (/ in use$/.test(text)) {
        return {
          ...error,
          message: action === 'delete-exchange' ? `Exchange '${name}' is still in use (it has bindings)` : `Queue '${name}' is still in use (it has consumers)`,
          hint: action === 'delete-exchange' ? 'Remove its bindings first, or untick “only if unused”.' : 'Stop its consumers first, or untick “only if unused”.',
        };
      }
      if (/ not empty$/.test(text)) {
        return { ...error, message: `Queue '${name}' is not empty`, hint: 'Purge it first, or untick “only if empty” (its messages will be lost).' };
      }
      if (/invalid arg '([^']*)'/.test(text)) {
        const arg = /invalid arg '([^']*)'/.exec(text)?.[1] ?? '';
        return { ...error, message: `The broker refused argument ${arg}: ${text}`, hint: `Check the type and value of ${arg} (numbers must be typed as numbers).`, field: `arguments.${arg}` };
      }
      return error;
    default:
      return error;
  }
}
