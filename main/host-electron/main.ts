/**
 * The desktop shell: one window, the same service and dispatcher as the browser host.
 * Kept thin on purpose; everything that can be tested without Electron lives elsewhere.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENTS_CHANNEL } from '../../shared/contract';
import { warrenError } from '../../shared/errors';
import { createDispatcher } from '../bridge/dispatcher';
import { EventHub } from '../bridge/events';
import type { SecretCipher } from '../service/connections/profiles/secrets';
import { createWarrenService } from '../service/service';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function keychainCipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    kind: 'os-keychain',
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

async function start(): Promise<void> {
  await app.whenReady();
  const events = new EventHub();
  const dataDir = process.env.WARREN_DATA_DIR ?? app.getPath('userData');
  const cipher = keychainCipher();
  const service = createWarrenService({
    host: 'electron',
    version: app.getVersion(),
    dataDir,
    configDir: path.join(dataDir, 'config'),
    cipher,
    alwaysSeal: cipher !== undefined,
    emit: (event, payload) => events.emit(event, payload),
    brokerUrl: process.env.WARREN_BROKER_URL,
    managementUrl: process.env.WARREN_MANAGEMENT_URL,
    log: (line) => console.log(`[warren] ${line}`),
  });
  const dispatch = createDispatcher(service.handlers);

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Warren',
    backgroundColor: '#0f1720',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });

  // Only our own window may call the service.
  ipcMain.handle(IPC_CALL_CHANNEL, (event, op: unknown, input: unknown) => {
    if (event.sender !== window.webContents || !event.senderFrame?.url.startsWith('file://')) {
      return { ok: false, error: warrenError('ACCESS_REFUSED', 'Calls are accepted from Warren’s own window only') };
    }
    return dispatch(op, input);
  });
  const unsubscribe = events.subscribe((batch) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENTS_CHANNEL, batch);
  });
  window.webContents.on('did-finish-load', () => window.webContents.send(IPC_EVENTS_CHANNEL, events.snapshot()));

  // Locked navigation: no leaving the app, no new windows (links open in the user's browser).
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });

  await window.loadFile(path.join(__dirname, '..', 'renderer', 'index.html'));
  void service.autoConnect();

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    unsubscribe();
    void service.shutdown().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

void start();
