/**
 * Connection profiles on disk (profiles.json in the config folder, mode 0600) with their
 * passwords kept apart: sealed by a SecretCipher when one is allowed, otherwise in memory only.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProfileSummary, TlsSettings } from '../../../../shared/connections/types';
import type { ParsedProfileDraft } from '../../../../shared/schemas';
import { fail } from '../../errors';
import { passwordEndpoint } from './endpoint';
import type { SecretCipher } from './secrets';

interface StoredProfile {
  id: string;
  name: string;
  host: string;
  port: number;
  vhost: string;
  username: string;
  tls: TlsSettings;
  managementUrl: string;
  heartbeat: number;
  /** Present only when the password was sealed to disk. */
  sealedPassword?: string;
  /** The endpoint (./endpoint.ts) the password was saved for; absent in files written before it was recorded. */
  passwordFor?: string;
}

interface StoredFile {
  version: 1;
  profiles: StoredProfile[];
  lastProfileId?: string;
}

export interface StoredProfileWithSecret extends ProfileSummary {
  /** Only when it was saved for this profile's current endpoint. */
  password: string | undefined;
  /** The profile's address changed since its password was saved: the password is kept back. */
  passwordForOtherEndpoint: boolean;
}

export class ProfileStore {
  private readonly file: string;
  private readonly memoryPasswords = new Map<string, { password: string; endpoint: string }>();
  private data: StoredFile;

  /**
   * @param cipher seals passwords for disk; `alwaysSeal` (desktop) seals every password,
   *   otherwise only those the user asked to remember.
   */
  constructor(
    configDir: string,
    private readonly cipher: SecretCipher | undefined,
    private readonly alwaysSeal: boolean,
  ) {
    this.file = path.join(configDir, 'profiles.json');
    this.data = this.load();
  }

  list(): ProfileSummary[] {
    return this.data.profiles.map((p) => this.summary(p));
  }

  get(id: string): StoredProfileWithSecret | undefined {
    const stored = this.data.profiles.find((p) => p.id === id);
    if (!stored) return undefined;
    const secret = this.secret(stored);
    const here = secret !== undefined && secret.endpoint === passwordEndpoint(stored);
    return { ...this.summary(stored), password: here ? secret.password : undefined, passwordForOtherEndpoint: secret !== undefined && !here };
  }

  /** The stored password of `id` if it was saved for `endpoint`, else undefined (never sent to another address). */
  passwordFor(id: string, endpoint: string): string | undefined {
    const stored = this.data.profiles.find((p) => p.id === id);
    const secret = stored && this.secret(stored);
    return secret && secret.endpoint === endpoint ? secret.password : undefined;
  }

  save(draft: ParsedProfileDraft & { rememberPassword?: boolean }): ProfileSummary {
    const existing = draft.id ? this.data.profiles.find((p) => p.id === draft.id) : undefined;
    if (draft.id && !existing) fail('NOT_FOUND', `No profile with id ${draft.id}`, { field: 'id', hint: 'Reload the list of profiles.' });
    const id = existing?.id ?? randomUUID();
    const profile: StoredProfile = {
      id,
      name: draft.name,
      host: draft.host,
      port: draft.port,
      vhost: draft.vhost || '/',
      username: draft.username,
      tls: draft.tls,
      managementUrl: draft.managementUrl,
      heartbeat: draft.heartbeat,
    };
    // A password kept from before stays bound to the address it was saved for: after an address
    // change it is kept back (never sent to the new one) until the user types it again.
    const kept = draft.password === undefined && existing ? this.secret(existing) : undefined;
    const secret = draft.password !== undefined ? { password: draft.password, endpoint: passwordEndpoint(profile) } : kept;
    this.memoryPasswords.delete(id);
    if (secret !== undefined) {
      const seal = this.cipher && (this.alwaysSeal || draft.rememberPassword || (draft.rememberPassword === undefined && existing?.sealedPassword));
      if (seal) profile.sealedPassword = this.cipher!.encrypt(secret.password);
      else this.memoryPasswords.set(id, secret);
      profile.passwordFor = secret.endpoint;
    }
    this.data.profiles = existing ? this.data.profiles.map((p) => (p.id === id ? profile : p)) : [...this.data.profiles, profile];
    this.persist();
    return this.summary(profile);
  }

  delete(id: string): void {
    if (!this.data.profiles.some((p) => p.id === id)) fail('NOT_FOUND', `No profile with id ${id}`, { hint: 'Reload the list of profiles.' });
    this.data.profiles = this.data.profiles.filter((p) => p.id !== id);
    this.memoryPasswords.delete(id);
    if (this.data.lastProfileId === id) delete this.data.lastProfileId;
    this.persist();
  }

  get lastProfileId(): string | undefined {
    return this.data.lastProfileId;
  }

  set lastProfileId(id: string | undefined) {
    if (this.data.lastProfileId === id) return;
    this.data.lastProfileId = id;
    this.persist();
  }

  /** The password with the endpoint it was saved for (a file from before: the profile's own). */
  private secret(stored: StoredProfile): { password: string; endpoint: string } | undefined {
    if (stored.sealedPassword && this.cipher) {
      try {
        return { password: this.cipher.decrypt(stored.sealedPassword), endpoint: stored.passwordFor ?? passwordEndpoint(stored) };
      } catch {
        return undefined; // keychain changed: the user re-enters it
      }
    }
    return this.memoryPasswords.get(stored.id);
  }

  private password(stored: StoredProfile): string | undefined {
    const secret = this.secret(stored);
    return secret && secret.endpoint === passwordEndpoint(stored) ? secret.password : undefined;
  }

  private summary(p: StoredProfile): ProfileSummary {
    return {
      id: p.id,
      kind: 'user',
      name: p.name,
      host: p.host,
      port: p.port,
      vhost: p.vhost,
      username: p.username,
      hasPassword: this.password(p) !== undefined,
      passwordRemembered: p.sealedPassword !== undefined,
      tls: p.tls,
      managementUrl: p.managementUrl,
      heartbeat: p.heartbeat,
    };
  }

  private load(): StoredFile {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as StoredFile;
      if (parsed.version === 1 && Array.isArray(parsed.profiles)) return parsed;
    } catch {
      // No file yet, or unreadable: start empty (the unreadable file is left for the user).
    }
    return { version: 1, profiles: [] };
  }

  private persist(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
