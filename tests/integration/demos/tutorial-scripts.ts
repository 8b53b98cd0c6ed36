/**
 * The tutorial's scripts as a test runs them: exactly as written (tests/interop/tutorial),
 * through run_tutorial.py, which points their 'localhost' at the test's broker and vhost.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { testBroker } from '../../support/broker';

/** Debian's python3, which has python3-pika (the pyenv one on PATH has not). */
export const PYTHON = '/usr/bin/python3';
const INTEROP = path.resolve(__dirname, '../../interop');
/** What a refused declare looks like in a pika traceback. */
export const REFUSED = /PRECONDITION|406/;

function pythonEnv(vhost: string) {
  const b = testBroker();
  return { ...process.env, RABBITMQ_HOST: b.host, RABBITMQ_PORT: String(b.amqpPort), RABBITMQ_VHOST: vhost, PYTHONUNBUFFERED: '1' };
}

const argv = (script: string, args: string[]) => [path.join(INTEROP, 'run_tutorial.py'), path.join(INTEROP, 'tutorial', script), ...args];

/** `cleanups` gets a stop for every consumer started (the test's afterEach runs them). */
export function tutorialScripts(cleanups: (() => Promise<void> | void)[]) {
  /** Runs a script to its end: its exit code and everything it printed. */
  const attempt = (vhost: string, script: string, args: string[] = []): Promise<{ code: number | null; out: string }> =>
    new Promise((resolve) => {
      const child = spawn(PYTHON, argv(script, args), { env: pythonEnv(vhost) });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      });
    });

  /** Runs a producer script to its end; it must exit 0 without a refusal. */
  const run = async (vhost: string, script: string, args: string[] = []): Promise<string> => {
    const { code, out } = await attempt(vhost, script, args);
    if (code !== 0 || REFUSED.test(out)) throw new Error(`${script} ${args.join(' ')} exited ${String(code)}: ${out}`);
    return out;
  };

  /** Starts a consumer script; `stop` interrupts it (Ctrl+C) and says whether it had kept running without a refusal. */
  const start = (vhost: string, script: string, args: string[] = []) => {
    const child = spawn(PYTHON, argv(script, args), { env: pythonEnv(vhost) });
    let out = '';
    let exited = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => (exited = true));
    const stop = async () => {
      const ranThrough = !exited && !REFUSED.test(out);
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await gone;
      }
      return ranThrough;
    };
    cleanups.push(() => void stop());
    return { out: () => out, lines: () => out.split('\n').filter((l) => l.startsWith(' [x]')), stop };
  };

  return { attempt, run, start };
}
