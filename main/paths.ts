/** Where Warren keeps its data when not told otherwise (XDG on Linux, the usual places elsewhere). */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(): string {
  if (process.env.WARREN_DATA_DIR) return path.resolve(process.env.WARREN_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Warren');
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? home, 'Warren');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'warren');
}

export function defaultConfigDir(): string {
  if (process.env.WARREN_DATA_DIR) return path.join(path.resolve(process.env.WARREN_DATA_DIR), 'config');
  const home = os.homedir();
  if (process.platform === 'darwin' || process.platform === 'win32') return path.join(defaultDataDir(), 'config');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'warren');
}
