import { describe, expect, it } from 'vitest';
import {
  ELECTRON_CSP,
  SECURE_WEB_PREFERENCES,
  isTrustedSender,
  navigationAllowed,
  passwordStorage,
  permissionGranted,
  windowOpenDecision,
} from '../../../../main/host-electron/security';

const appUrl = 'file:///opt/warren/dist/renderer/index.html';

describe('the desktop host’s security decisions', () => {
  it('take IPC calls only from Warren’s own window, main frame and page', () => {
    const own = { isAppWindow: true, isMainFrame: true, frameUrl: `${appUrl}#/topology` };
    expect(isTrustedSender(own, appUrl)).toBe(true);
    expect(isTrustedSender({ ...own, isAppWindow: false }, appUrl)).toBe(false);
    expect(isTrustedSender({ ...own, isMainFrame: false }, appUrl)).toBe(false);
    expect(isTrustedSender({ ...own, frameUrl: undefined }, appUrl)).toBe(false);
    for (const url of ['file:///etc/passwd', 'file:///opt/warren/dist/renderer/other.html', 'https://evil.example/index.html', 'about:blank', 'not a url']) {
      expect(isTrustedSender({ ...own, frameUrl: url }, appUrl), url).toBe(false);
    }
  });

  it('never navigate away from the app’s page', () => {
    expect(navigationAllowed(`${appUrl}#/messaging`, appUrl)).toBe(true);
    for (const url of ['https://example.com/', 'file:///tmp/x.html', 'javascript:alert(1)', 'data:text/html,x', 'http://127.0.0.1:1234/', '']) {
      expect(navigationAllowed(url, appUrl), url).toBe(false);
    }
  });

  it('never open a window; https links go to the user’s browser, nothing else does', () => {
    expect(windowOpenDecision('https://www.rabbitmq.com/docs')).toEqual({ action: 'deny', openExternally: 'https://www.rabbitmq.com/docs' });
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/', 'nonsense']) {
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny' });
    }
  });

  it('deny every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(permissionGranted(permission), permission).toBe(false);
    }
  });

  it('keep passwords in memory only, and say so, when the OS keychain cannot encrypt', () => {
    expect(passwordStorage(true, 'gnome_libsecret')).toEqual({ kind: 'os-keychain', alwaysSeal: true });
    expect(passwordStorage(true)).toEqual({ kind: 'os-keychain', alwaysSeal: true });
    // Electron's basic_text backend "encrypts" with a hard-coded key: not a keychain.
    expect(passwordStorage(true, 'basic_text')).toMatchObject({ kind: 'memory-only', alwaysSeal: false, notice: expect.stringContaining('in memory only') });
    expect(passwordStorage(false)).toMatchObject({ kind: 'memory-only', alwaysSeal: false });
  });

  it('isolate and sandbox the renderer without Node, and send a strict CSP with no connections', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(ELECTRON_CSP).toContain("default-src 'none'");
    expect(ELECTRON_CSP).toContain("script-src 'self'");
    expect(ELECTRON_CSP).toContain("connect-src 'none'");
    expect(ELECTRON_CSP).toContain("frame-ancestors 'none'");
    expect(ELECTRON_CSP).not.toContain('unsafe');
  });
});
