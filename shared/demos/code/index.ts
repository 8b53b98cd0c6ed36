/**
 * The code panel's text: the tutorial's Python (pika) and the same in TypeScript (amqplib),
 * with the current broker's host, port, vhost and user filled in. The password is read from
 * RABBITMQ_PASSWORD, as the tutorial's security advice asks. Pure.
 */
import type { DemoName } from '../types';
import { pythonFiles } from './python';
import { typescriptFiles } from './typescript';

export interface CodeConnection {
  host: string;
  port: number;
  vhost: string;
  username: string;
  tls: boolean;
  /** Put in front of every queue and exchange name (prefix isolation); '' otherwise. */
  prefix: string;
}

export interface CodeFile {
  file: string;
  language: 'python' | 'typescript';
  code: string;
}

export interface DemoCode {
  connection: CodeConnection;
  python: CodeFile[];
  typescript: CodeFile[];
}

export function demoCode(name: DemoName, connection: CodeConnection): DemoCode {
  return { connection, python: pythonFiles(name, connection), typescript: typescriptFiles(name, connection) };
}

/** A string literal safe to paste in Python or TypeScript source. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
