/** The sentences the Access page says before a change it cannot undo, and how limits read. */
import type { PermissionRow, TopicPermissionRow, UserLimits, UserRow, VhostImpact, VhostLimits } from '../../../shared/access/types';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What deleting a vhost loses, counted by the broker just before asking. */
export function vhostDeleteQuestion(impact: VhostImpact): string {
  const held = [
    plural(impact.queues, 'queue'),
    `${plural(impact.messages, 'message')} in them`,
    `${plural(impact.exchanges, 'exchange')} of its own`,
  ].join(', ');
  const cut = impact.connections > 0 ? ` ${plural(impact.connections, 'open connection')} will be closed.` : '';
  const warren = impact.warrenIsHere ? ' Warren is connected to this virtual host: its connection closes too.' : '';
  return `Virtual host ${impact.vhost} holds ${held}. All of it is deleted, with its bindings, policies and permissions.${cut}${warren}`;
}

/** What deleting a user takes with it. */
export function userDeleteQuestion(user: UserRow, permissions: readonly PermissionRow[], topicPermissions: readonly TopicPermissionRow[]): string {
  const vhosts = new Set(permissions.filter((p) => p.user === user.name).map((p) => p.vhost));
  const topics = topicPermissions.filter((p) => p.user === user.name).length;
  const granted = vhosts.size > 0 ? `its permissions in ${plural(vhosts.size, 'virtual host')}` : 'no permissions';
  const topicText = topics > 0 ? ` and ${plural(topics, 'topic permission')}` : '';
  const warren = user.isWarrensUser ? ' Warren is connected as this user: it will lose its connection and cannot log in again as it.' : '';
  return `User ${user.name} is deleted with ${granted}${topicText}; programs logged in as it are disconnected.${warren}`;
}

/** "max 5 connections · max 100 queues", or "none". */
export function limitsText(limits: VhostLimits | UserLimits): string {
  const parts = Object.entries(limits)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .map(([key, value]) => `max ${value.toLocaleString('en-US')} ${key.replace(/^max/, '').toLowerCase()}`);
  return parts.length > 0 ? parts.join(' · ') : 'none';
}

/** A permission pattern as the page shows it: the empty pattern grants nothing, and says so. */
export function patternText(pattern: string): string {
  return pattern === '' ? '(nothing)' : pattern;
}
