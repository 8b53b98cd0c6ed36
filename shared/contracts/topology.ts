/** Operations and events of topology. */

export const topologyOperations = {} as const;

export const topologyEvents = {} as const;
