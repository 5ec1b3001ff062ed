// Preloaded into a worker by `BENCH_CPU_PROF=<dir> npm run bench:deadlines` (node --require): records a CPU
// profile from start to SIGTERM and writes it as <dir>/worker-<pid>.cpuprofile (open it in Chrome DevTools or
// speedscope). `node --cpu-prof` writes nothing here: Nest re-raises SIGTERM after closing, which ends the
// process before Node writes the profile.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF_DIR;
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.prependOnceListener('SIGTERM', () => {
  // An in-process session answers synchronously: the file is written before Nest's handler runs.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `worker-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
