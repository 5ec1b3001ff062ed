import type { MigrationInterface, QueryRunner } from 'typeorm';
import units from '../data/administrative-units-2025-07-01.json';

/**
 * The 34 provinces and 3,321 communes in force since 1 July 2025, in every environment (production
 * included), from the committed data file (docs/administrative-units.md says where it comes from);
 * units become versioned: in force from / to, the successor a retired unit was merged into, and
 * the history of names.
 *
 * Databases made before this migration hold the demo seed's eight Đà Nẵng communes under codes that
 * were made up (four of them are official codes of other wards, e.g. 20194 is Phường Hải Vân). They
 * were never units, so they get no history: everything that named them is moved to the official code
 * of the same ward, and the made-up rows are corrected or deleted (docs/decisions/0014).
 */
const LEGACY_DEMO_COMMUNES: readonly [string, string, string][] = [
  // made-up code, name the demo gave it, official code of that ward
  ['20194', 'Phường Hải Châu', '20242'],
  ['20227', 'Phường Hòa Cường', '20257'],
  ['20200', 'Phường Thanh Khê', '20209'],
  ['20260', 'Phường Sơn Trà', '20263'],
  ['20308', 'Xã Hòa Vang', '20320'],
  ['20530', 'Phường Hội An', '20410'],
  ['20407', 'Phường Tam Kỳ', '20341'],
];

/** Every column that holds a commune code (the province codes did not change). */
const COMMUNE_COLUMNS: readonly [string, string][] = [
  ['agencies', 'commune_code'],
  ['calls', 'commune_code'],
  ['community_referrals', 'commune_code'],
  ['cases', 'commune_code'],
  ['incidents', 'commune_code'],
];

/**
 * Accent-free lower case for search, the SQL twin of normaliseName in libs/shared/domain (an
 * integration test checks they agree on every unit). Written out, not computed, so this migration
 * produces the same column forever.
 */
const ACCENTED =
  'àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ';
const PLAIN =
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd';

export class AdministrativeUnits1764240000000 implements MigrationInterface {
  name = 'AdministrativeUnits1764240000000';

  async up(q: QueryRunner): Promise<void> {
    const effectiveFrom = units.effectiveFrom;
    await q.query(`
      ALTER TABLE administrative_units
        ADD COLUMN status varchar(16) NOT NULL DEFAULT 'active',
        -- A unit recorded without a date is taken as in force since the 2025 reform.
        ADD COLUMN effective_from date NOT NULL DEFAULT '${effectiveFrom}',
        ADD COLUMN effective_to date,
        ADD COLUMN successor_code varchar(16) REFERENCES administrative_units(code),
        ADD COLUMN search_name varchar(200)
          GENERATED ALWAYS AS (lower(translate(name, '${ACCENTED}', '${PLAIN}'))) STORED,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT ck_administrative_units_status CHECK (status IN ('active', 'retired')),
        -- Retired exactly when the period has an end; the end comes after the start.
        ADD CONSTRAINT ck_administrative_units_period
          CHECK ((status = 'retired') = (effective_to IS NOT NULL) AND (effective_to IS NULL OR effective_to > effective_from)),
        ADD CONSTRAINT ck_administrative_units_successor
          CHECK (successor_code IS NULL OR (status = 'retired' AND successor_code <> code))`);

    // Every name a unit has had, with its period; the open one is the unit's current name.
    await q.query(`
      CREATE TABLE administrative_unit_names (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        unit_code varchar(16) NOT NULL REFERENCES administrative_units(code),
        name varchar(200) NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    await q.query(
      `CREATE INDEX idx_administrative_unit_names_unit ON administrative_unit_names (unit_code, effective_from)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_administrative_unit_names_open ON administrative_unit_names (unit_code) WHERE effective_to IS NULL`,
    );

    const legacy = (await q.query(
      `SELECT code FROM administrative_units WHERE (code, name) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [LEGACY_DEMO_COMMUNES.map(([code]) => code), LEGACY_DEMO_COMMUNES.map(([, name]) => name)],
    )) as { code: string }[];
    const remap = LEGACY_DEMO_COMMUNES.filter(([code]) => legacy.some((l) => l.code === code));

    const provinces = units.provinces as [string, string][];
    const communes = units.communes as [string, string, string][];
    await q.query(
      `INSERT INTO administrative_units (code, name, level, parent_code, effective_from)
       SELECT code, name, 'province', NULL, $3 FROM unnest($1::text[], $2::text[]) AS u(code, name)
       ON CONFLICT (code) DO NOTHING`,
      [provinces.map(([code]) => code), provinces.map(([, name]) => name), effectiveFrom],
    );
    await q.query(
      `INSERT INTO administrative_units (code, name, level, parent_code, effective_from)
       SELECT code, name, 'commune', parent, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(code, name, parent)
       ON CONFLICT (code) DO NOTHING`,
      [
        communes.map(([code]) => code),
        communes.map(([, name]) => name),
        communes.map(([, , parent]) => parent),
        effectiveFrom,
      ],
    );

    if (remap.length > 0) {
      const from = remap.map(([code]) => code);
      const to = remap.map(([, , official]) => official);
      const mapping = `SELECT * FROM unnest($1::text[], $2::text[]) AS m(old_code, new_code)`;
      for (const [table, column] of COMMUNE_COLUMNS) {
        await q.query(
          `UPDATE ${table} t SET ${column} = m.new_code FROM (${mapping}) m WHERE t.${column} = m.old_code`,
          [from, to],
        );
      }
      await q.query(
        `UPDATE agencies a SET coverage_commune_codes = ARRAY(
           SELECT coalesce(m.new_code, c) FROM unnest(a.coverage_commune_codes) WITH ORDINALITY AS x(c, i)
           LEFT JOIN (${mapping}) m ON m.old_code = x.c ORDER BY x.i)
         WHERE a.coverage_commune_codes && $1::text[]`,
        [from, to],
      );
      await q.query(
        `UPDATE incident_reports r SET content = jsonb_set(r.content, '{communeCode}', to_jsonb(m.new_code))
         FROM (${mapping}) m WHERE r.content->>'communeCode' = m.old_code`,
        [from, to],
      );
    }

    // Rows that existed before (the demo's) take the official name of their code.
    await q.query(
      `UPDATE administrative_units u SET name = o.name, parent_code = o.parent, level = o.level
       FROM (
         SELECT code, name, NULL AS parent, 'province' AS level FROM unnest($1::text[], $2::text[]) AS p(code, name)
         UNION ALL
         SELECT code, name, parent, 'commune' FROM unnest($3::text[], $4::text[], $5::text[]) AS c(code, name, parent)
       ) o
       WHERE u.code = o.code AND (u.name, u.parent_code, u.level) IS DISTINCT FROM (o.name, o.parent, o.level)`,
      [
        provinces.map(([code]) => code),
        provinces.map(([, name]) => name),
        communes.map(([code]) => code),
        communes.map(([, name]) => name),
        communes.map(([, , parent]) => parent),
      ],
    );
    const officialCodes = [...provinces.map(([code]) => code), ...communes.map(([code]) => code)];
    await q.query(
      `DELETE FROM administrative_units WHERE code = ANY($1::text[]) AND NOT code = ANY($2::text[])`,
      [remap.map(([code]) => code), officialCodes],
    );
    // Anything else that is not on the official list (nothing the project ever shipped) stays
    // readable for the records naming it, but is no longer offered.
    await q.query(
      `UPDATE administrative_units SET status = 'retired', effective_from = LEAST(effective_from, $2::date - 1),
              effective_to = $2::date
       WHERE NOT code = ANY($1::text[])`,
      [officialCodes, effectiveFrom],
    );

    await q.query(
      `INSERT INTO administrative_unit_names (unit_code, name, effective_from, effective_to)
       SELECT code, name, effective_from, effective_to FROM administrative_units`,
    );

    await q.query(`DROP INDEX idx_administrative_units_parent_name`);
    // Keyset lists: one province's communes, all units of a level; by accent-free name, then code.
    await q.query(
      `CREATE INDEX idx_administrative_units_parent_search ON administrative_units (parent_code, search_name, code)`,
    );
    await q.query(
      `CREATE INDEX idx_administrative_units_level_search ON administrative_units (level, search_name, code)`,
    );
    await q.query(
      `CREATE INDEX idx_administrative_units_successor ON administrative_units (successor_code) WHERE successor_code IS NOT NULL`,
    );

    /*
     * Counting an old unit under the unit that carries it on today: each code with the code at the
     * end of its successor chain (itself when it is in force or retired without a successor).
     * Statistics join through this view; the domain rules forbid cycles and the depth guard stops
     * one anyway.
     */
    await q.query(`
      CREATE VIEW administrative_unit_current_codes AS
      WITH RECURSIVE chain(code, current_code, hops) AS (
        SELECT code, code, 0 FROM administrative_units
        UNION ALL
        SELECT chain.code, u.successor_code, chain.hops + 1
        FROM chain JOIN administrative_units u ON u.code = chain.current_code
        WHERE u.successor_code IS NOT NULL AND chain.hops < 64
      )
      SELECT DISTINCT ON (code) code, current_code, hops FROM chain ORDER BY code, hops DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW administrative_unit_current_codes`);
    await q.query(`DROP TABLE administrative_unit_names`);
    await q.query(`DROP INDEX idx_administrative_units_successor`);
    await q.query(`DROP INDEX idx_administrative_units_level_search`);
    await q.query(`DROP INDEX idx_administrative_units_parent_search`);
    await q.query(
      `CREATE INDEX idx_administrative_units_parent_name ON administrative_units (parent_code, name)`,
    );
    // The official units stay: agencies and cases name them.
    await q.query(`
      ALTER TABLE administrative_units
        DROP CONSTRAINT ck_administrative_units_successor,
        DROP CONSTRAINT ck_administrative_units_period,
        DROP CONSTRAINT ck_administrative_units_status,
        DROP COLUMN updated_at, DROP COLUMN created_at, DROP COLUMN search_name,
        DROP COLUMN successor_code, DROP COLUMN effective_to, DROP COLUMN effective_from,
        DROP COLUMN status`);
  }
}
