/** What the Access page reads: virtual hosts, users and what each may do where. */

/** Limits a vhost or a user may have; absent = no limit. */
export interface VhostLimits {
  maxConnections?: number;
  maxQueues?: number;
}
export interface UserLimits {
  maxConnections?: number;
  maxChannels?: number;
}

export interface VhostRow {
  name: string;
  description: string;
  tags: string[];
  /** The queue type a plain declare gets here ('classic' when the broker says nothing). */
  defaultQueueType: string;
  limits: VhostLimits;
}

/** What deleting a vhost loses, counted just before the question is asked. */
export interface VhostImpact {
  vhost: string;
  queues: number;
  exchanges: number;
  /** Messages in its queues (ready + unacknowledged), as the broker last counted them. */
  messages: number;
  connections: number;
  /** Warren's own connection is in this vhost: deleting it cuts Warren off. */
  warrenIsHere: boolean;
}

/** A user as Warren shows it: never its password hash. */
export interface UserRow {
  name: string;
  tags: string[];
  /** False when the user has no password (it can only log in another way, e.g. a certificate). */
  passwordLogin: boolean;
  limits: UserLimits;
  /** Warren is connected as this user. */
  isWarrensUser: boolean;
}

export interface PermissionRow {
  user: string;
  vhost: string;
  configure: string;
  write: string;
  read: string;
}

export interface TopicPermissionRow {
  user: string;
  vhost: string;
  exchange: string;
  write: string;
  read: string;
}

export interface AccessLists {
  vhosts: VhostRow[];
  users: UserRow[];
  permissions: PermissionRow[];
  topicPermissions: TopicPermissionRow[];
}

/** What an access change did, in a sentence for the page's status line. */
export interface AccessChange {
  summary: string;
}
