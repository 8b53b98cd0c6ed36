/** Operations and events of messaging. */

export const messagingOperations = {} as const;

export const messagingEvents = {} as const;
