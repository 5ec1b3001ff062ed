import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS } from '@caunoi/shared/contracts';

const SRC = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(int-)?spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('the list of audit actions the access log labels', () => {
  it('holds every action the API records', () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!/\baction\b/.test(line)) continue;
        for (const [, action] of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) {
          if (action && !listed.has(action)) missing.push(`${action} (${file.slice(SRC.length)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
