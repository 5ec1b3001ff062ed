import type { AppConfig } from '../config/app-config';

/** What a command may print to and read from; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * One `npm run cli -- <name> [args]` command. Each lives in its own `<name>.command.ts` beside this
 * file and is listed in `commands.ts`. `run` resolves with the process exit code.
 */
export interface CliCommand {
  name: string;
  /** One line for the usage text. */
  summary: string;
  /** Arguments after the name, e.g. `--username <name>`; shown in the usage text. */
  usage?: string;
  run(config: AppConfig, args: string[], io: CliIo): Promise<number>;
}

/** Reads `--name value` and `--name=value` pairs; a bare `--flag` is "true". */
export function parseFlags(args: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) continue;
    if (match[2] !== undefined) flags[match[1]] = match[2];
    else if (args[i + 1] !== undefined && !(args[i + 1] ?? '').startsWith('--')) {
      flags[match[1]] = args[i + 1] ?? '';
      i += 1;
    } else flags[match[1]] = 'true';
  }
  return flags;
}
