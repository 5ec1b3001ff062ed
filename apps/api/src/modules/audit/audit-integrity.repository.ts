import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { AuditCheckpointClaim, AuditCheckpointKind } from '@caunoi/shared/domain';

/** A checkpoint as stored: what it claims, and its signature. */
export interface StoredCheckpoint {
  id: string;
  claim: AuditCheckpointClaim;
  mac: string;
}

export interface NewIncident {
  baselineId: string | null;
  problemKey: string;
  kind: string;
  description: string;
  problemCount: number;
  detectedAt: Date;
}

export interface OpenIncident {
  id: string;
  detectedAt: Date;
  kind: string;
  description: string;
}

/** What the connected role could do to the audit log beyond appending to it. */
export interface RoleExposure {
  role: string;
  superuser: boolean;
  ownsTables: boolean;
  canRewriteAuditLog: boolean;
}

interface CheckpointRow {
  id: string;
  kind: AuditCheckpointKind;
  head_id: string | null;
  head_hash: string;
  row_count: string;
  created_at: Date;
  key_id: string;
  mac: string;
}

const CHECKPOINT_COLUMNS = 'id, kind, head_id, head_hash, row_count, created_at, key_id, mac';
// One verifier at a time across every worker process; the others skip their turn.
const AUDIT_VERIFY_LOCK = 7_424_002;

/** SQL of the audit log's checkpoints and incidents, and of the chain's head. */
@Injectable()
export class AuditIntegrityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` while holding the verifier lock, or returns null at once when another process holds
   * it. The lock lives in a transaction of its own; `work` uses ordinary connections.
   */
  async exclusively<T>(work: () => Promise<T>): Promise<T | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [row] = (await runner.query('SELECT pg_try_advisory_xact_lock($1) AS got', [
        AUDIT_VERIFY_LOCK,
      ])) as { got: boolean }[];
      if (!row?.got) {
        await runner.rollbackTransaction();
        return null;
      }
      try {
        return await work();
      } finally {
        await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }

  /** The chain's last linked row that still exists. */
  async head(): Promise<{ id: string; hash: string } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT a.id, c.hash FROM audit_chain c JOIN audit_log a ON a.id = c.row_id
       ORDER BY c.row_id DESC LIMIT 1`,
    )) as { id: string; hash: string }[];
    return row ?? null;
  }

  /** The hash linked to a row, or null when the row (or its link) is gone. */
  async storedHash(rowId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.hash FROM audit_chain c JOIN audit_log a ON a.id = c.row_id WHERE c.row_id = $1`,
      [rowId],
    )) as { hash: string }[];
    return row?.hash ?? null;
  }

  async countUpTo(rowId: string | null): Promise<number> {
    if (rowId === null) return 0;
    const [row] = (await this.dataSource.query(
      'SELECT count(*)::bigint AS n FROM audit_log WHERE id <= $1',
      [rowId],
    )) as { n: string }[];
    return Number(row?.n ?? 0);
  }

  /** The newest baselines first. */
  async recentBaselines(limit: number): Promise<StoredCheckpoint[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE kind = 'baseline' ORDER BY id DESC LIMIT $1`,
      [limit],
    )) as CheckpointRow[];
    return rows.map(toStored);
  }

  /** The newest checkpoint signed with `keyId`, from `sinceId` on. */
  latestSignedWith(keyId: string, sinceId: string | null): Promise<StoredCheckpoint | null> {
    return this.one(`WHERE key_id = $1 AND id >= $2 ORDER BY id DESC LIMIT 1`, [
      keyId,
      sinceId ?? '0',
    ]);
  }

  byId(id: string): Promise<StoredCheckpoint | null> {
    return this.one(`WHERE id = $1`, [id]);
  }

  /** Checkpoints from `sinceId` on whose head row is gone or holds another hash now. */
  async withChangedHead(sinceId: string | null): Promise<StoredCheckpoint[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${CHECKPOINT_COLUMNS.split(', ')
        .map((c) => `c.${c}`)
        .join(', ')}
       FROM audit_checkpoints c
       LEFT JOIN (audit_log a JOIN audit_chain l ON l.row_id = a.id) ON a.id = c.head_id
       WHERE c.id >= $1 AND c.head_id IS NOT NULL AND l.hash IS DISTINCT FROM c.head_hash
       ORDER BY c.id`,
      [sinceId ?? '0'],
    )) as CheckpointRow[];
    return rows.map(toStored);
  }

  async countCheckpoints(): Promise<number> {
    const [row] = (await this.dataSource.query(
      'SELECT count(*)::int AS n FROM audit_checkpoints',
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  async insertCheckpoint(claim: AuditCheckpointClaim, mac: string): Promise<StoredCheckpoint> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO audit_checkpoints (kind, head_id, head_hash, row_count, created_at, key_id, mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [claim.kind, claim.headId, claim.headHash, claim.rowCount, claim.createdAt, claim.keyId, mac],
    )) as { id: string }[];
    return { id: row?.id ?? '', claim, mac };
  }

  /** Records an incident unless the same one is recorded already; returns its id when new. */
  async recordIncident(m: EntityManager, incident: NewIncident): Promise<string | null> {
    const [row] = (await m.query(
      `INSERT INTO audit_incidents (detected_at, baseline_id, problem_key, kind, description, problem_count)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT uq_audit_incidents_baseline_problem DO NOTHING
       RETURNING id`,
      [
        incident.detectedAt,
        incident.baselineId ?? '0',
        incident.problemKey,
        incident.kind,
        incident.description.slice(0, 300),
        incident.problemCount,
      ],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** The latest incident found since the latest baseline (a later baseline closes it). */
  async openIncident(baselineId: string | null): Promise<OpenIncident | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, detected_at, kind, description FROM audit_incidents
       WHERE baseline_id = $1 ORDER BY id DESC LIMIT 1`,
      [baselineId ?? '0'],
    )) as { id: string; detected_at: Date; kind: string; description: string }[];
    return row
      ? { id: row.id, detectedAt: row.detected_at, kind: row.kind, description: row.description }
      : null;
  }

  async latestCheckpointAt(): Promise<Date | null> {
    const [row] = (await this.dataSource.query(
      'SELECT created_at FROM audit_checkpoints ORDER BY id DESC LIMIT 1',
    )) as { created_at: Date }[];
    return row?.created_at ?? null;
  }

  /** Tells a checkpoint of this database from one of a database dropped and made again. */
  async databaseIdentity(): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()`,
    )) as { oid: string }[];
    return row?.oid ?? '';
  }

  /** Whether the role the app connects as could rewrite the log (it must not: docs/operations.md). */
  async connectedRoleExposure(): Promise<RoleExposure> {
    const [row] = (await this.dataSource.query(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              EXISTS (SELECT 1 FROM pg_class c
                      WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owns_tables,
              EXISTS (SELECT 1 FROM unnest(ARRAY['audit_log', 'audit_chain']) t(name)
                      WHERE has_table_privilege(t.name, 'UPDATE') OR has_table_privilege(t.name, 'DELETE')
                        OR has_table_privilege(t.name, 'TRUNCATE')
                        OR has_any_column_privilege(t.name, 'UPDATE')) AS can_rewrite
       FROM pg_roles r WHERE r.rolname = current_user`,
    )) as { role: string; superuser: boolean; owns_tables: boolean; can_rewrite: boolean }[];
    return {
      role: row?.role ?? '',
      superuser: row?.superuser ?? false,
      ownsTables: row?.owns_tables ?? false,
      canRewriteAuditLog: row?.can_rewrite ?? false,
    };
  }

  private async one(where: string, params: unknown[]): Promise<StoredCheckpoint | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ${where}`,
      params,
    )) as CheckpointRow[];
    return row ? toStored(row) : null;
  }
}

function toStored(row: CheckpointRow): StoredCheckpoint {
  return {
    id: row.id,
    mac: row.mac,
    claim: {
      kind: row.kind,
      headId: row.head_id,
      headHash: row.head_hash,
      rowCount: Number(row.row_count),
      createdAt: row.created_at,
      keyId: row.key_id,
    },
  };
}
