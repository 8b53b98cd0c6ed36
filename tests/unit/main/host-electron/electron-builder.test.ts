import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string };
  mac: { target: string[] };
  win: { target: string[] };
  files: string[];
  extraMetadata: { main: string };
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds Warren for Linux (AppImage, deb), macOS (dmg) and Windows (nsis)', () => {
    expect(config.productName).toBe('Warren');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packages the built main process and renderer, and its icon exists', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**']));
    expect(config.extraMetadata.main).toBe('dist/main/electron.cjs');
    expect(existsSync(path.join(root, config.linux.icon))).toBe(true);
  });

  it('validation would catch a mistake (the check can fail)', async () => {
    await expect(validateConfiguration({ ...config, notAnOption: true } as never, new DebugLogger(false))).rejects.toThrow();
  });
});
