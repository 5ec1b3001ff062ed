// Clean-up on exit: scripts register what must be undone (stop processes, drop a throwaway database),
// and Ctrl-C / SIGTERM / SIGHUP run those steps before the script exits.

import { log } from './log.mjs';
import { killAllChildren } from './process.mjs';

const cleanups = [];
let stopping = false;

/** Registers an async clean-up step; returns a function that unregisters it. */
export function onCleanup(step) {
  cleanups.push(step);
  return () => {
    const index = cleanups.indexOf(step);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

let inProgress = null;

/**
 * Runs the registered clean-up steps, last registered first. Concurrent callers (a signal handler and a
 * `finally`) share one run, so no step is cut short by the other caller exiting.
 */
export function runCleanups() {
  inProgress ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop();
      try {
        await step();
      } catch (error) {
        log.warn(`clean-up step failed: ${error.message}`);
      }
    }
  })().finally(() => {
    inProgress = null;
  });
  return inProgress;
}

/**
 * Installs the signal handlers: every child gets SIGTERM at once, then the clean-up steps run (they wait for
 * services to stop, drop throwaway data). `exitCode` is what the script returns after an interrupt.
 */
export function handleSignals({ exitCode = 130 } = {}) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      log.plain();
      log.step(`${signal} received: stopping`);
      killAllChildren('SIGTERM');
      await runCleanups();
      process.exit(exitCode);
    });
  }
}

export const isStopping = () => stopping;
