/**
 * Where passwords live. Never in plain text on disk: the desktop host encrypts with the OS
 * keychain (Electron safeStorage); the browser host keeps them in memory unless the user opts
 * in to a 0600 file, which is still encrypted (AES-256-GCM, key in its own 0600 file).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';

/** Turns a password into an opaque string for disk, and back. */
export interface SecretCipher {
  kind: 'os-keychain' | 'file-0600';
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** AES-256-GCM with a random key kept in a 0600 file beside the profiles. */
export function fileKeyCipher(configDir: string): SecretCipher {
  const keyFile = path.join(configDir, 'secret.key');
  const key = (): Buffer => {
    if (!existsSync(keyFile)) {
      mkdirSync(configDir, { recursive: true });
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    chmodSync(keyFile, 0o600);
    return Buffer.from(readFileSync(keyFile, 'utf8'), 'base64');
  };
  return {
    kind: 'file-0600',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
