/** Operations and events of charts. */

export const chartsOperations = {} as const;

export const chartsEvents = {} as const;
