import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Absolute path of the repository root (tools/lib/ is two levels down). */
export const repoRoot = join(import.meta.dirname, '..', '..');

export const apiDist = join(repoRoot, 'dist', 'apps', 'api');
export const webDist = join(repoRoot, 'dist', 'apps', 'web', 'browser');

/** Loads a package installed in the repository's node_modules (the tools have no dependencies of their own). */
export const requireFromRepo = createRequire(join(repoRoot, 'package.json'));
