/**
 * The desktop shell: one window, the same service and dispatcher as the browser host.
 * Kept thin on purpose; everything that can be tested without Electron lives elsewhere.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENTS_CHANNEL } from '../../shared/wire';
import { warrenError } from '../../shared/errors';
import { createDispatcher } from '../bridge/dispatcher';
import { EventHub } from '../bridge/events';
import type { SecretCipher } from '../service/connections/profiles/secrets';
import { createWarrenService } from '../service/service';
import {
  ELECTRON_CSP,
  SECURE_WEB_PREFERENCES,
  isTrustedSender,
  navigationAllowed,
  passwordStorage,
  permissionGranted,
  windowOpenDecision,
} from './security';

function keychainCipher(): SecretCipher | undefined {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  const storage = passwordStorage(safeStorage.isEncryptionAvailable(), backend);
  if (storage.kind === 'memory-only') {
    console.log(`[warren] ${storage.notice}`);
    return undefined;
  }
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
    startCluster: process.env.WARREN_SANDBOX === 'cluster',
    clusterDir: process.env.WARREN_CLUSTER_DIR || undefined,
    managementUrl: process.env.WARREN_MANAGEMENT_URL,
    log: (line) => console.log(`[warren] ${line}`),
  });
  const dispatch = createDispatcher(service.handlers);
  const appUrl = pathToFileURL(path.join(__dirname, '..', 'renderer', 'index.html')).href;

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionGranted(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionGranted(permission));
  // Every webContents (the window and anything it might create): no webviews, no leaving the app, no new windows.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!navigationAllowed(url, appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!navigationAllowed(url, appUrl)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Warren',
    backgroundColor: '#0f1720',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(__dirname, 'preload.cjs') },
  });

  // Only our own window may call the service.
  ipcMain.handle(IPC_CALL_CHANNEL, (event, op: unknown, input: unknown) => {
    const sender = {
      isAppWindow: event.sender === window.webContents,
      isMainFrame: event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame,
      frameUrl: event.senderFrame?.url,
    };
    if (!isTrustedSender(sender, appUrl)) {
      return { ok: false, error: warrenError('ACCESS_REFUSED', 'Calls are accepted from Warren’s own window only') };
    }
    return dispatch(op, input);
  });
  const unsubscribe = events.subscribe((batch) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENTS_CHANNEL, batch);
  });
  window.webContents.on('did-finish-load', () => window.webContents.send(IPC_EVENTS_CHANNEL, events.snapshot()));

  await window.loadURL(appUrl);
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
