/**
 * Every security decision of the desktop host, as plain functions (unit-tested without
 * Electron); main.ts only wires them to Electron's hooks. Following Electron's security
 * checklist: isolated, sandboxed renderer without Node; IPC only from Warren's own window and
 * frame; no navigation away from the app, no new windows (https links go to the user's browser);
 * every permission denied; a strict CSP; passwords never on disk in plain text.
 */
import { contentSecurityPolicy } from '../bridge/csp';

/** The window's webPreferences (the checklist's items 2–4, 6 and 8). */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** The CSP header Electron adds to every response of the app (IPC only: no connections at all). */
export const ELECTRON_CSP = contentSecurityPolicy([]);

/** The app's page as a URL without query or hash, e.g. file:///…/dist/renderer/index.html. */
function samePage(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === 'file:' && a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export interface IpcSender {
  /** The sender is the webContents of Warren's window (not another window or a webview). */
  isAppWindow: boolean;
  /** The frame that sent it is that window's main frame (not an iframe). */
  isMainFrame: boolean;
  /** The sending frame's URL (undefined when the frame is gone). */
  frameUrl: string | undefined;
}

/** Only Warren's own page, in its own window's main frame, may call the service. */
export function isTrustedSender(sender: IpcSender, appUrl: string): boolean {
  return sender.isAppWindow && sender.isMainFrame && sender.frameUrl !== undefined && samePage(sender.frameUrl, appUrl);
}

/** `will-navigate` / `will-redirect`: the window never leaves the app's page (its hash routes do not navigate). */
export function navigationAllowed(url: string, appUrl: string): boolean {
  return samePage(url, appUrl);
}

export type WindowOpenDecision = { action: 'deny'; openExternally?: string };

/** `setWindowOpenHandler`: never a new Electron window; an https link opens in the user's browser. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '') return { action: 'deny', openExternally: parsed.href };
  } catch {
    // not a URL: nothing to open
  }
  return { action: 'deny' };
}

/** Permission requests and checks (camera, notifications, clipboard reads, …): Warren needs none. */
export function permissionGranted(_permission: string): boolean {
  return false;
}

export type PasswordStorage =
  | { kind: 'os-keychain'; alwaysSeal: true }
  | { kind: 'memory-only'; alwaysSeal: false; notice: string };

/**
 * What happens to passwords given whether safeStorage can encrypt (it cannot on Linux without a
 * keyring, where Electron would fall back to a hard-coded key): never a weak or plain-text file;
 * passwords are kept in memory for this session and the user is told why.
 */
export function passwordStorage(encryptionAvailable: boolean, backend?: string): PasswordStorage {
  if (encryptionAvailable && backend !== 'basic_text') return { kind: 'os-keychain', alwaysSeal: true };
  return {
    kind: 'memory-only',
    alwaysSeal: false,
    notice: 'The system keychain is not available, so Warren keeps passwords in memory only: you enter them again after a restart.',
  };
}
