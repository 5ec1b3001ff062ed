// Child processes: run a command with its output shown, or keep a long-running service with prefixed output.
// Every child gets its own process group, so a timeout or Ctrl-C stops it together with its own children
// (npx → nx → webpack, for example).

import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { repoRoot } from './paths.mjs';
import { log } from './log.mjs';

const running = new Set();

/** Sends a signal to a child's whole process group (ignores children that already exited). */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Stops every child still running (used on Ctrl-C and on exit). */
export function killAllChildren(signal = 'SIGTERM') {
  for (const child of running) signalGroup(child, signal);
}
process.on('exit', () => killAllChildren('SIGKILL'));

function track(child) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * Gives a child (and what it starts without a session of its own) the scheduling weight of `nice`.
 * Every child here has its own session (`detached`), and with the kernel's autogroup scheduling each
 * session weighs the same whatever its processes' nice values, Chromium's many sessions included: so
 * the session's autogroup nice is set, and the process nice for kernels without autogroups. A negative
 * value needs root; where it is refused the child keeps the default, which is only slower.
 */
function prioritise(child, nice) {
  let applied = false;
  try {
    writeFileSync(`/proc/${child.pid}/autogroup`, String(nice));
    applied = true;
  } catch {
    // no autogroups, or not allowed
  }
  try {
    setPriority(child.pid, nice);
    applied = true;
  } catch {
    // not allowed
  }
  return applied;
}

/**
 * Runs a command to completion with its output shown. With `capture: true` the output is also returned,
 * and with `echo: false` as well it is only returned. `priority` is a nice value for the child (see
 * prioritise). Resolves { code, signal, timedOut, output, prioritised }; never rejects for a non-zero exit.
 */
export function run(
  command,
  args = [],
  { env = process.env, cwd = repoRoot, timeoutMs, capture = false, echo = true, priority } = {},
) {
  return new Promise((resolve) => {
    const child = track(
      spawn(command, args, {
        cwd,
        env,
        detached: true,
        stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
      }),
    );
    const prioritised =
      priority !== undefined && child.pid !== undefined && prioritise(child, priority);
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (echo) process.stdout.write(chunk);
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
        if (echo) process.stderr.write(chunk);
      });
    }
    let timedOut = false;
    const timer =
      timeoutMs &&
      setTimeout(() => {
        timedOut = true;
        log.fail(
          `${command} ${args.join(' ')} still running after ${timeoutMs / 1000} s: stopping it`,
        );
        signalGroup(child, 'SIGTERM');
        setTimeout(() => signalGroup(child, 'SIGKILL'), 5000).unref();
      }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({
        code: 127,
        signal: null,
        timedOut,
        output: `${output}${error.message}`,
        prioritised,
      });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, signal, timedOut, output, prioritised });
    });
  });
}

/** Runs a command and throws if it fails. */
export async function runOrThrow(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with code ${result.code}`);
  }
  return result;
}

/** True when an executable is on the PATH. */
export function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Starts a long-running process whose output lines are prefixed with `[name]`.
 * Returns the child; `child.exited` is a promise of { code, signal }.
 */
export function startService(name, command, args, { env = process.env, cwd = repoRoot } = {}) {
  const child = track(
    spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const prefix = `[${name}]`;
  createInterface({ input: child.stdout }).on('line', (line) => console.log(`${prefix} ${line}`));
  createInterface({ input: child.stderr }).on('line', (line) => console.error(`${prefix} ${line}`));
  child.exited = new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`${prefix} ${error.message}`);
      resolve({ code: 127, signal: null });
    });
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  child.serviceName = name;
  return child;
}

/** Sends `signal` to a service and its children (SIGKILL: a crash, as the scale-out test does). */
export function signalService(child, signal) {
  signalGroup(child, signal);
}

/** Asks a service to stop (SIGTERM), waits up to `graceMs`, then kills it. Resolves when it is gone. */
export async function stopService(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => {
    log.warn(`${child.serviceName} did not stop within ${graceMs / 1000} s: killing it`);
    signalGroup(child, 'SIGKILL');
  }, graceMs);
  await child.exited;
  clearTimeout(timer);
}
