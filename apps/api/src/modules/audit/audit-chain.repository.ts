import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  AuditChainVerification,
  AuditRowContent,
  ChainedAuditRow,
} from '@caunoi/shared/domain';
import { AUDIT_GENESIS_HASH, verifyAuditChain } from '@caunoi/shared/domain';
import { sha256Hex } from './audit-digests';

/** What the chainer may link: rows up to `maxId`, once every transaction in `writers` has ended. */
export interface ChainHorizon {
  /** The highest committed row id when observed (null: the log is empty). */
  maxId: string | null;
  /** Virtual transaction ids that held an insert lock on audit_log then. */
  writers: string[];
}

export interface AuditRowToChain extends AuditRowContent {
  id: string;
}

export interface ChainLink {
  rowId: string;
  prevHash: string;
  hash: string;
}

// Rows read per query while verifying: bounded memory, whatever the log's length.
const VERIFY_BATCH = 5000;
// One chainer at a time (across every worker and the CLI); requests never take it.
const AUDIT_CHAINER_LOCK = 7_424_003;
// Transactions that are inserting into audit_log (or did, and have not ended): INSERT takes this
// lock while it is parsed, before the row's id is drawn, and keeps it until the transaction ends.
const WRITERS = `SELECT DISTINCT virtualtransaction FROM pg_locks
  WHERE locktype = 'relation' AND relation = 'audit_log'::regclass AND mode = 'RowExclusiveLock'
    AND pid IS DISTINCT FROM pg_backend_pid()`;
const ROW_COLUMNS = `a.id, a.occurred_at, a.actor_user_id, a.actor_role, a.actor_agency_id, a.action,
  a.subject_type, a.subject_id, a.fields, a.case_id, a.request_id, a.details`;

interface RawRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  fields: string[];
  case_id: string | null;
  request_id: string | null;
  details: AuditRowContent['details'];
  prev_hash?: string | null;
  hash?: string | null;
}

/**
 * SQL of the audit log's hash chain (`audit_chain`, one link per row, append-only): what the
 * chainer may link, the links themselves, and the walk that verifies them
 * (docs/decisions/0022-audit-chain-without-a-lock.md).
 */
@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement, so both halves see the same moment: the highest visible row id (its snapshot is
   * taken when the statement starts) and the transactions writing audit rows (read after that).
   * A row with a lower id that is not visible yet had its id drawn before that row's, so its
   * transaction already held the insert lock, and is among `writers` unless it has ended.
   */
  async observeHorizon(): Promise<ChainHorizon> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT max(id) FROM audit_log)::text AS max_id, ARRAY(${WRITERS}) AS writers`,
    )) as { max_id: string | null; writers: string[] }[];
    return { maxId: row?.max_id ?? null, writers: row?.writers ?? [] };
  }

  /** Whether any of these transactions still holds its insert lock on audit_log (has not ended). */
  async anyStillWriting(writers: string[]): Promise<boolean> {
    if (writers.length === 0) return false;
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM (${WRITERS}) w WHERE w.virtualtransaction = ANY($1::text[])) AS busy`,
      [writers],
    )) as { busy: boolean }[];
    return row?.busy ?? false;
  }

  /**
   * Links the next `limit` rows after the chain's last link, up to `upTo`, in one transaction under
   * the chainer lock (a second chainer waits its turn). `link` hashes them onto the last link's hash.
   * Returns how many rows were linked.
   */
  linkNext(
    upTo: string,
    limit: number,
    link: (headHash: string, rows: AuditRowToChain[]) => ChainLink[],
  ): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAINER_LOCK]);
      // New rows follow the last link; they chain onto the last linked row that still exists, as
      // appends always did (a deleted tail is the checkpoints' to expose, and a baseline accepts it).
      const [head] = (await m.query(
        `SELECT (SELECT max(row_id) FROM audit_chain)::text AS last_linked,
                (SELECT c.hash FROM audit_chain c JOIN audit_log a ON a.id = c.row_id
                 ORDER BY c.row_id DESC LIMIT 1) AS hash`,
      )) as { last_linked: string | null; hash: string | null }[];
      const rows = (await m.query(
        `SELECT ${ROW_COLUMNS} FROM audit_log a WHERE a.id > $1 AND a.id <= $2 ORDER BY a.id LIMIT $3`,
        [head?.last_linked ?? '0', upTo, limit],
      )) as RawRow[];
      if (rows.length === 0) return 0;
      const links = link(head?.hash ?? AUDIT_GENESIS_HASH, rows.map(toContent));
      await m.query(
        `INSERT INTO audit_chain (row_id, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::char(64)[], $3::char(64)[])`,
        [links.map((l) => l.rowId), links.map((l) => l.prevHash), links.map((l) => l.hash)],
      );
      return links.length;
    });
  }

  /** The last linked row (by id), or null before the first link. */
  async lastLinkedId(): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      'SELECT max(row_id)::text AS id FROM audit_chain',
    )) as { id: string | null }[];
    return row?.id ?? null;
  }

  /** Rows committed and not linked yet (above the chain's last link). */
  async countUnlinked(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE id > coalesce((SELECT max(row_id) FROM audit_chain), 0)`,
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * Verifies the chain after `start` (a row's id and stored hash; null id: from the first row), in
   * batches, up to the last linked row: every row up to it must carry a link that chains onto the row
   * before it. Rows after it wait for the chainer. Returns the first break, and the last row reached.
   */
  async verifyChainFrom(start: AuditChainVerification['head']): Promise<AuditChainVerification> {
    const end = await this.lastLinkedId();
    let head = start;
    let rows = 0;
    if (end === null) return { break: null, head, rows };
    for (;;) {
      const batch = (await this.dataSource.query(
        `SELECT ${ROW_COLUMNS}, c.prev_hash, c.hash
         FROM audit_log a LEFT JOIN audit_chain c ON c.row_id = a.id
         WHERE a.id > $1 AND a.id <= $2 ORDER BY a.id LIMIT $3`,
        [head.id ?? '0', end, VERIFY_BATCH],
      )) as RawRow[];
      const result = verifyAuditChain(batch.map(toChained), head, sha256Hex);
      rows += result.rows;
      if (result.break) return { break: result.break, head: result.head, rows };
      head = result.head;
      if (batch.length < VERIFY_BATCH) return { break: null, head, rows };
    }
  }

  /** Recomputes the whole chain; returns the id of the first row that breaks it, or null. */
  async findFirstBrokenLink(): Promise<string | null> {
    const result = await this.verifyChainFrom({ id: null, hash: AUDIT_GENESIS_HASH });
    return result.break?.rowId ?? null;
  }
}

function toContent(r: RawRow): AuditRowToChain {
  return {
    id: String(r.id),
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    actorAgencyId: r.actor_agency_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    fields: r.fields,
    caseId: r.case_id,
    requestId: r.request_id,
    details: r.details,
  };
}

/** A row with its link; a row without one chains onto nothing (the verifier names it). */
function toChained(r: RawRow): ChainedAuditRow {
  return { ...toContent(r), prevHash: r.prev_hash ?? '', hash: r.hash ?? '' };
}
