/** Operations of the overview: the broker's health, totals and rates, and its virtual hosts. */
import { empty, vhostInput } from '../schemas';
import { op } from '../spec';
import type { Overview } from './types';

export const overviewOperations = {
  'overview.get': op<Overview>()(vhostInput, 'Broker overview: versions, nodes, totals and rates'),
  'vhosts.list': op<string[]>()(empty, 'Virtual hosts the user can see'),
} as const;
