import 'reflect-metadata';
import { CLI_COMMANDS, usage } from './cli/commands';
import type { CliIo } from './cli/cli-command';
import { loadConfigOrExit } from './config/load-config-or-exit';

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `node cli.js <command> [args]`: migrations, demo seed and the operators' commands (see commands.ts). */
async function main([name, ...args]: string[]): Promise<number> {
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(usage());
    return 2;
  }
  return command.run(loadConfigOrExit(), args, io);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
