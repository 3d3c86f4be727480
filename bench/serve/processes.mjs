// Child processes of `npm run bench:serve`: the `lede` CLI, `lede start` and nginx, each registered
// so that every one is stopped when the benchmark ends, fails or is interrupted.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lede.js');

/** Children still running; stopAll() and the exit handler end them. */
const running = new Set();
/** Async clean-up steps (dropping the PostgreSQL schema, closing the fixture site), newest first. */
const cleanups = [];

/** Registers an async clean-up step that runs once, on success, failure or interruption. */
export function onCleanup(fn) {
  cleanups.unshift(fn);
}

/** Stops every child and runs every clean-up step; safe to call more than once. */
export async function cleanupAll() {
  await Promise.all([...running].map((p) => p.stop()));
  while (cleanups.length > 0) {
    const fn = cleanups.shift();
    try {
      await fn();
    } catch (e) {
      console.error(`bench:serve: clean-up failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

let handlersInstalled = false;
let interrupted = false;
/** True once SIGINT/SIGTERM started the clean-up (later failures are its consequence). */
export const wasInterrupted = () => interrupted;
/** Ctrl-C and SIGTERM clean up before exiting; a plain exit at least kills the children. */
export function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const p of running) p.child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\nbench:serve: ${signal}, cleaning up`);
      cleanupAll().finally(() => process.exit(130));
    });
  }
}

function track(child, name) {
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d.toString()).slice(-8000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const proc = {
    child,
    name,
    exited,
    stderr: () => stderr,
    /** SIGTERM, then SIGKILL after 5 s; resolves when the child has exited. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(proc);
    },
  };
  running.add(proc);
  exited.then(() => running.delete(proc));
  return proc;
}

/** Runs a `lede` command to completion; throws with its stderr when it fails. */
export async function runLede(args, env) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = track(child, `lede ${args[0]}`);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d.toString()));
  const { code } = await proc.exited;
  if (code !== 0) throw new Error(`lede ${args.join(' ')} exited with ${code}: ${proc.stderr().trim()}`);
  return stdout;
}

/** Starts `lede start --port PORT` and waits until /healthz answers. `nodeArgs` go before the script (e.g. --cpu-prof). */
export async function startLede(port, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'start', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const proc = track(child, 'lede start');
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 'lede start to answer', 30_000, proc);
  return proc;
}

/** Starts nginx in the foreground with `conf` (prefix `dir`) and waits until `url` answers. */
export async function startNginx(nginx, dir, conf, url) {
  const child = spawn(nginx, ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  const proc = track(child, 'nginx');
  await waitUntil(async () => (await fetch(url)).ok, 'nginx to answer', 10_000, proc);
  return proc;
}

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Polls `fn` until it returns a truthy value; fails early when `proc` exits. */
export async function waitUntil(fn, what, timeoutMs, proc) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`${proc.name} exited before ${what}: ${proc.stderr().trim()}`);
    }
    try {
      const v = await fn();
      if (v) return v;
    } catch {
      // not ready yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${proc ? `: ${proc.stderr().trim()}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
