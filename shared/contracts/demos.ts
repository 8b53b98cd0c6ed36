/** Operations and events of demos. */

export const demoOperations = {} as const;

export const demoEvents = {} as const;
