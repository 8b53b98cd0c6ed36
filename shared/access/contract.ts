/** Operations of access: virtual hosts, users, permissions, topic permissions and limits. */
import { z } from 'zod';
import type { AccessChange, AccessLists, VhostImpact } from './types';
import { patternProblem } from './patterns';
import { shortText, vhostName } from '../schemas';
import { op } from '../spec';

const userName = shortText()
  .refine((v) => v.trim() !== '', 'give the user a name')
  .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20), 'a user name has no control characters');
const pattern = (what: string) =>
  shortText(1024).superRefine((value, ctx) => {
    const problem = patternProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${what}: ${problem}` });
  });
/** A limit: a whole number ≥ 0, or null for "no limit". */
const limit = z.number().int('a limit is a whole number').min(0, 'a limit is 0 or more').max(1_000_000_000).nullable();
const tag = shortText(64).regex(/^[A-Za-z0-9_.-]+$/, 'a tag is letters, digits, "_", "." or "-"');

export const saveVhostInput = z.object({
  name: vhostName,
  description: shortText(1024).default(''),
  tags: z.array(tag).max(32).default([]),
  defaultQueueType: z.enum(['classic', 'quorum', 'stream']).optional(),
  maxConnections: limit.default(null),
  maxQueues: limit.default(null),
});

export const saveUserInput = z.object({
  name: userName,
  /** Omitted when editing: keep the password the user has. Required for a new user unless `noPassword`. */
  password: shortText(1024).optional(),
  /** A user without a password (it logs in another way, e.g. with a certificate). */
  noPassword: z.boolean().default(false),
  tags: z.array(tag).max(32).default([]),
  maxConnections: limit.default(null),
  maxChannels: limit.default(null),
});

export const setPermissionInput = z.object({
  user: userName,
  vhost: vhostName,
  configure: pattern('Configure'),
  write: pattern('Write'),
  read: pattern('Read'),
});

export const setTopicPermissionInput = z.object({
  user: userName,
  vhost: vhostName,
  exchange: shortText().refine((v) => v !== '', 'name the topic exchange'),
  write: pattern('Write'),
  read: pattern('Read'),
});

const userInVhost = z.object({ user: userName, vhost: vhostName });

export const accessOperations = {
  'access.list': op<AccessLists>()(z.object({}).strict(), 'Virtual hosts, users, permissions and topic permissions'),
  'access.vhost.save': op<AccessChange>()(saveVhostInput, 'Create or edit a virtual host and its limits'),
  'access.vhost.impact': op<VhostImpact>()(z.object({ name: vhostName }), 'What deleting a virtual host would lose'),
  'access.vhost.delete': op<AccessChange>()(z.object({ name: vhostName }), 'Delete a virtual host with everything in it'),
  'access.user.save': op<AccessChange>()(saveUserInput, 'Create or edit a user, its tags and limits'),
  'access.user.delete': op<AccessChange>()(z.object({ name: userName }), 'Delete a user'),
  'access.permission.set': op<AccessChange>()(setPermissionInput, "Set a user's permissions in a virtual host"),
  'access.permission.clear': op<AccessChange>()(userInVhost, "Remove a user's permissions in a virtual host"),
  'access.topicPermission.set': op<AccessChange>()(setTopicPermissionInput, "Set a user's topic permissions on one exchange"),
  'access.topicPermission.clear': op<AccessChange>()(userInVhost, "Remove a user's topic permissions in a virtual host (every exchange)"),
} as const;
