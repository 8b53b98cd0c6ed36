/** What both languages' code files are built from: the connection they show and a safe quote. */

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

/** A string literal safe to paste in Python or TypeScript source. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
