/** The renderer's only door: `window.warren`, two functions, no Node. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventMessage } from '../../shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENTS_CHANNEL } from '../../shared/wire';

contextBridge.exposeInMainWorld('warren', {
  call: (op: string, input: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, op, input),
  onEvents: (listener: (batch: EventMessage[]) => void) => {
    const handler = (_event: IpcRendererEvent, batch: EventMessage[]) => listener(batch);
    ipcRenderer.on(IPC_EVENTS_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENTS_CHANNEL, handler);
  },
});
