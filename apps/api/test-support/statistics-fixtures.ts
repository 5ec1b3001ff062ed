import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/**
 * Synthetic records for the statistics suites: agencies in provinces no other suite uses, and
 * cases inserted directly with a known opening instant, commune and survivor facts.
 */
export async function insertAgency(
  t: TestApp,
  type: string,
  province: string,
  name: string,
): Promise<string> {
  const [row] = (await t.dataSource.query(
    `INSERT INTO agencies (type, name, province_code) VALUES ($1, $2, $3) RETURNING id`,
    [type, name, province],
  )) as { id: string }[];
  return row.id;
}

/** `count` provinces with at least `communes` communes and no agency yet, and their first communes. */
export async function unusedProvinces(
  t: TestApp,
  count: number,
  communes = 3,
): Promise<{ code: string; communes: string[] }[]> {
  const provinces = (await t.dataSource.query(
    `SELECT parent_code AS code FROM administrative_units
      WHERE level = 'commune' AND effective_to IS NULL
        AND parent_code NOT IN (SELECT province_code FROM agencies)
      GROUP BY parent_code HAVING count(*) >= $1 ORDER BY parent_code LIMIT $2`,
    [communes, count],
  )) as { code: string }[];
  return Promise.all(
    provinces.map(async ({ code }) => ({
      code,
      communes: (
        (await t.dataSource.query(
          `SELECT code FROM administrative_units WHERE parent_code = $1 AND effective_to IS NULL ORDER BY code LIMIT $2`,
          [code, communes],
        )) as { code: string }[]
      ).map((r) => r.code),
    })),
  );
}

export interface SeededCase {
  agencyId: string;
  communeCode: string | null;
  openedAt: string;
  openedBy: string;
  survivor?: { sex?: string; ageGroup?: string; disability?: string };
  source?: string;
}

/** `n` synthetic cases opened at an instant by a centre, in a commune; their ids. */
export async function seedCases(t: TestApp, n: number, c: SeededCase): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const [s] = (await t.dataSource.query(
      `INSERT INTO survivors (code, agency_id, anonymous, sex, age_group, disability)
       VALUES ($1, $2, true, $3, $4, $5) RETURNING id`,
      [
        `ST-${randomUUID().slice(0, 12)}`,
        c.agencyId,
        c.survivor?.sex ?? 'female',
        c.survivor?.ageGroup ?? '25_59',
        c.survivor?.disability ?? 'unknown',
      ],
    )) as { id: string }[];
    const [row] = (await t.dataSource.query(
      `INSERT INTO cases (survivor_id, agency_id, source, commune_code, opened_by_user_id, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [s.id, c.agencyId, c.source ?? 'walk_in', c.communeCode, c.openedBy, c.openedAt],
    )) as { id: string }[];
    ids.push(row.id);
  }
  return ids;
}

/** The survivor codes of a centre's cases: none may appear in an export. */
export async function survivorCodesOf(t: TestApp, agencyId: string): Promise<string[]> {
  const rows = (await t.dataSource.query(
    `SELECT s.code FROM survivors s JOIN cases c ON c.survivor_id = s.id WHERE c.agency_id = $1`,
    [agencyId],
  )) as { code: string }[];
  return rows.map((r) => r.code);
}

export interface SeededCall {
  agencyId: string;
  operatorId: string;
  startedAt: string;
  communeCode: string;
  sex: string | null;
  outcome: string | null;
  callerType: string;
}

/** `n` synthetic hotline calls answered by a centre at an instant, on the centre's test line. */
export async function seedCalls(t: TestApp, n: number, c: SeededCall): Promise<void> {
  const [line] = (await t.dataSource.query(
    `INSERT INTO hotline_lines (agency_id, number, name) VALUES ($1, '1800-0000', 'Tổng đài thử nghiệm')
     ON CONFLICT (agency_id, number) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [c.agencyId],
  )) as { id: string }[];
  for (let i = 0; i < n; i += 1) {
    await t.dataSource.query(
      `INSERT INTO calls (agency_id, line_id, operator_user_id, channel, started_at, caller_type,
         survivor_sex, survivor_age_group, commune_code, child_involved, danger_now, crime_signs, outcome)
       VALUES ($1, $2, $3, 'phone', $4, $5, $6, '25_59', $7, false, false, false, $8)`,
      [
        c.agencyId,
        line.id,
        c.operatorId,
        c.startedAt,
        c.callerType,
        c.sex,
        c.communeCode,
        c.outcome,
      ],
    );
  }
}
