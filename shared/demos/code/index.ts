/**
 * The code panel's text: the tutorial's Python (pika) and the same in TypeScript (amqplib),
 * with the current broker's host, port, vhost and user filled in. The password is read from
 * RABBITMQ_PASSWORD, as the tutorial's security advice asks. Pure.
 */
import type { DemoName } from '../types';
import { pythonFiles } from './python';
import { typescriptFiles } from './typescript';
import type { CodeConnection, CodeFile } from './parts';

export type { CodeConnection, CodeFile } from './parts';
export { quote } from './parts';

export interface DemoCode {
  connection: CodeConnection;
  python: CodeFile[];
  typescript: CodeFile[];
}

export function demoCode(name: DemoName, connection: CodeConnection): DemoCode {
  return { connection, python: pythonFiles(name, connection), typescript: typescriptFiles(name, connection) };
}
