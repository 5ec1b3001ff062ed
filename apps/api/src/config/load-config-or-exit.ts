import type { AppConfig } from './app-config';
import { ConfigError, loadConfig } from './app-config';

/** Entry points call this first: a bad variable stops the process with a message naming it. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
