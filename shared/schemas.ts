/** zod schemas for everything that crosses the bridge into the main process. */
import { z } from 'zod';
import { amqpName } from './validation/name-schemas';

/** Bounded strings: the bridge never accepts unbounded input. */
export const shortText = (max = 255) => z.string().max(max);

export const vhostName = amqpName('Virtual host name').refine((v) => v !== '', 'a virtual host name cannot be empty');

export const tlsSettings = z.object({
  enabled: z.boolean().default(false),
  caFile: shortText(4096).optional(),
  certFile: shortText(4096).optional(),
  keyFile: shortText(4096).optional(),
  verifyPeer: z.boolean().default(true),
});

export const profileDraft = z.object({
  /** Present when editing an existing profile. */
  id: shortText(64).optional(),
  name: z.string().trim().min(1, 'give the profile a name').max(100),
  host: z
    .string()
    .trim()
    .min(1, 'enter a host name or address')
    .max(255)
    .regex(/^[^\s/?#@]+$/, 'a host has no spaces, slashes or @'),
  port: z.number({ error: 'enter a port number' }).int('a port is a whole number').min(1, 'a port is between 1 and 65535').max(65535, 'a port is between 1 and 65535'),
  vhost: amqpName('Virtual host name').default('/'),
  username: shortText().default('guest'),
  /** Omitted when editing means "keep the stored password". */
  password: shortText(1024).optional(),
  tls: tlsSettings.default({ enabled: false, verifyPeer: true }),
  managementUrl: z
    .string()
    .trim()
    .max(2048)
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), 'must start with http:// or https://')
    .default(''),
  heartbeat: z.number({ error: 'enter the heartbeat in seconds' }).int('whole seconds').min(0, 'between 0 (off) and 3600 seconds').max(3600, 'between 0 (off) and 3600 seconds').default(60),
});

export type ProfileDraft = z.input<typeof profileDraft>;
export type ParsedProfileDraft = z.output<typeof profileDraft>;

export const idInput = z.object({ id: shortText(64).min(1) });
export const empty = z.object({}).strict();
export const vhostInput = z.object({ vhost: vhostName.optional() });
