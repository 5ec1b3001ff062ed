import type { DataSource } from 'typeorm';
import { countAffected } from '../../common/sql';

/** A column of FieldCipher ciphertexts, and the single-column primary key of its table. */
export interface EncryptedColumn {
  table: string;
  column: string;
  key: string;
  /** SQL type of the key (`uuid`, `bigint`), for typed keyset comparisons. */
  keyType: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Every encrypted value, whatever module owns its table: by the project's convention (docs/privacy.md)
 * FieldCipher ciphertext lives only in text columns named `*_enc`, so the catalog finds them all,
 * including columns added after this code was written. Re-encryption is infrastructure, like a
 * migration: it rewrites ciphertext and never reads or changes anything else.
 */
export class EncryptedColumnsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async discover(): Promise<EncryptedColumn[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.table_name AS "table", c.column_name AS "column",
              array_agg(a.attname::text ORDER BY a.attname) AS keys,
              array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attname) AS types
       FROM information_schema.columns c
       JOIN pg_index i ON i.indrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND i.indisprimary
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE c.table_schema = current_schema() AND c.column_name LIKE '%\\_enc' AND c.data_type = 'text'
       GROUP BY c.table_name, c.column_name ORDER BY c.table_name, c.column_name`,
    )) as { table: string; column: string; keys: string[]; types: string[] }[];
    return rows.map((r) => {
      const [key] = r.keys;
      const [keyType] = r.types;
      if (
        r.keys.length !== 1 ||
        !key ||
        !keyType ||
        ![r.table, r.column, key].every((n) => IDENTIFIER.test(n))
      ) {
        throw new Error(`${r.table}.${r.column}: re-encryption needs a single-column primary key`);
      }
      return { table: r.table, column: r.column, key, keyType };
    });
  }

  /** Values not under the key, by key after `after`: [key as text, ciphertext]. */
  async getNotUnder(
    col: EncryptedColumn,
    keyId: string,
    after: string | null,
    limit: number,
  ): Promise<{ id: string; value: string }[]> {
    return (await this.dataSource.query(
      `SELECT ${col.key}::text AS id, ${col.column} AS value FROM ${col.table}
       WHERE ${col.column} IS NOT NULL AND ${col.column} NOT LIKE $1
         AND ($2::text IS NULL OR ${col.key} > $2::${col.keyType})
       ORDER BY ${col.key} LIMIT $3`,
      [currentPrefix(keyId), after, limit],
    )) as { id: string; value: string }[];
  }

  /** How many values of the column are under each key id other than `keyId`. */
  async countByOldKey(col: EncryptedColumn, keyId: string): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT split_part(${col.column}, ':', 2) AS key, count(*)::int AS n FROM ${col.table}
       WHERE ${col.column} IS NOT NULL AND ${col.column} NOT LIKE $1 GROUP BY 1`,
      [currentPrefix(keyId)],
    )) as { key: string; n: number }[];
    return new Map(rows.map((r) => [r.key, r.n]));
  }

  /**
   * Writes the new ciphertexts in one transaction, each only if the value is still the one that was
   * read (compare-and-set): a row the API changed meanwhile was written under the current key and is
   * left alone, so no concurrent update is lost. Returns how many were written.
   */
  async replace(
    col: EncryptedColumn,
    rows: readonly { id: string; old: string; next: string }[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    return this.dataSource.transaction(async (m) =>
      countAffected(
        await m.query(
          `UPDATE ${col.table} t SET ${col.column} = v.next
           FROM unnest($1::${col.keyType}[], $2::text[], $3::text[]) AS v(id, old, next)
           WHERE t.${col.key} = v.id AND t.${col.column} = v.old RETURNING t.${col.key}`,
          [rows.map((r) => r.id), rows.map((r) => r.old), rows.map((r) => r.next)],
        ),
      ),
    );
  }
}

function currentPrefix(keyId: string): string {
  return `v1:${keyId}:%`;
}
