/**
 * The audit log's hash chain and its signed checkpoints (docs/decisions/0015-audit-tamper-evidence.md).
 *
 * Each row stores the SHA-256 of its content and of the row before it, so rewriting or removing a row
 * breaks the chain; a checkpoint is an HMAC, under a key the database does not hold, of the chain's
 * head at one moment, so rewriting the chain *and* recomputing every later hash is exposed too.
 * Digests are passed in (`Sha256Hex`, `HmacSha256Hex`): this library runs in the browser as well and
 * imports no platform crypto.
 */

export type Sha256Hex = (text: string) => string;
export type HmacSha256Hex = (key: Uint8Array, text: string) => string;

/** What the first row chains onto. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The hashed content of an audit row: everything but its id and its two hashes. */
export interface AuditRowContent {
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorAgencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  fields: string[];
  requestId: string | null;
  caseId: string | null;
  details: Record<string, string | number | boolean | null>;
}

export interface ChainedAuditRow extends AuditRowContent {
  /** bigint as a string. */
  id: string;
  prevHash: string;
  hash: string;
}

/** The SHA-256 of a row chained onto `prevHash`. Byte for byte what rows written since 2026 hold. */
export function auditRowHash(prevHash: string, row: AuditRowContent, sha256: Sha256Hex): string {
  const canonical = JSON.stringify([
    prevHash,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorRole,
    row.actorAgencyId,
    row.action,
    row.subjectType,
    row.subjectId,
    row.fields,
    row.requestId,
    // Added with the intake migration: rows without a case hash exactly as before it.
    ...(row.caseId ? [row.caseId] : []),
    // jsonb reorders keys on the way back, so hash them in a fixed order.
    Object.keys(row.details)
      .sort()
      .map((key) => [key, row.details[key]]),
  ]);
  return sha256(canonical);
}

/** Links new rows, in order, onto the chain's current head hash. */
export function chainAuditRows<R extends AuditRowContent>(
  headHash: string,
  rows: readonly R[],
  sha256: Sha256Hex,
): (R & { prevHash: string; hash: string })[] {
  let prevHash = headHash;
  return rows.map((row) => {
    const hash = auditRowHash(prevHash, row, sha256);
    const linked = { ...row, prevHash, hash };
    prevHash = hash;
    return linked;
  });
}

/**
 * What can be wrong with the audit log. Ids only (row and checkpoint ids), never row content:
 * problems go into notifications, logs and the health answer.
 */
export type AuditIntegrityProblem =
  /** The row's content no longer gives its hash: the row was rewritten. */
  | { kind: 'row_rewritten'; rowId: string }
  /** The row does not chain onto the row before it: a row before it was deleted, or its hash rewritten. */
  | { kind: 'row_unlinked'; rowId: string }
  /** A signed checkpoint's head row has another hash now: history up to it was rewritten and rehashed. */
  | { kind: 'checkpoint_head_changed'; checkpointId: string; headId: string }
  /** A signed checkpoint's head row is gone: the end of the log was deleted. */
  | { kind: 'tail_missing'; checkpointId: string; headId: string }
  /** Not as many rows up to a checkpoint's head as when it was signed. */
  | {
      kind: 'row_count_changed';
      checkpointId: string;
      headId: string;
      expected: number;
      found: number;
    }
  /** A checkpoint whose signature does not verify: written by someone without the key. */
  | { kind: 'checkpoint_forged'; checkpointId: string; headId: string | null }
  /** A checkpoint known outside the database (Redis, the worker's memory) is gone from it. */
  | { kind: 'checkpoint_missing'; checkpointId: string; headId: string | null };

export type AuditChainBreak = Extract<
  AuditIntegrityProblem,
  { kind: 'row_rewritten' | 'row_unlinked' }
>;

export interface AuditChainVerification {
  /** The first break, or null. */
  break: AuditChainBreak | null;
  /** The last row checked (the start when there was none). */
  head: { id: string | null; hash: string };
  /** Rows checked. */
  rows: number;
}

/**
 * Verifies consecutive rows (in id order) that follow a row whose hash is `start.hash`. Long chains
 * are verified in batches: pass each batch the `head` the previous one returned.
 */
export function verifyAuditChain(
  rows: Iterable<ChainedAuditRow>,
  start: { id: string | null; hash: string },
  sha256: Sha256Hex,
): AuditChainVerification {
  let head = start;
  let count = 0;
  for (const row of rows) {
    count += 1;
    if (row.prevHash !== head.hash) {
      return { break: { kind: 'row_unlinked', rowId: row.id }, head, rows: count };
    }
    if (auditRowHash(row.prevHash, row, sha256) !== row.hash) {
      return { break: { kind: 'row_rewritten', rowId: row.id }, head, rows: count };
    }
    head = { id: row.id, hash: row.hash };
  }
  return { break: null, head, rows: count };
}

/**
 * `routine`: the worker's, after verifying the chain up to its head. `baseline`: an operator's, after
 * an incident was investigated; verification starts from the latest baseline (docs/operations.md).
 */
export type AuditCheckpointKind = 'routine' | 'baseline';

/** What a checkpoint asserts, and signs. */
export interface AuditCheckpointClaim {
  kind: AuditCheckpointKind;
  /** The chain's last row at the time (null: the log was empty). */
  headId: string | null;
  headHash: string;
  /** Rows with an id up to the head. */
  rowCount: number;
  createdAt: Date;
  /** Which AUDIT_CHECKPOINT_KEY signed it, so the key can change. */
  keyId: string;
}

function checkpointCanonical(claim: AuditCheckpointClaim): string {
  return JSON.stringify([
    'caunoi.audit-checkpoint.v1',
    claim.kind,
    claim.headId,
    claim.headHash,
    claim.rowCount,
    claim.createdAt.toISOString(),
    claim.keyId,
  ]);
}

export function signAuditCheckpoint(
  claim: AuditCheckpointClaim,
  key: Uint8Array,
  hmac: HmacSha256Hex,
): string {
  return hmac(key, checkpointCanonical(claim));
}

/** Whether `mac` is the checkpoint's signature under `key` (compared in constant time). */
export function auditCheckpointSignatureValid(
  claim: AuditCheckpointClaim,
  mac: string,
  key: Uint8Array,
  hmac: HmacSha256Hex,
): boolean {
  const expected = signAuditCheckpoint(claim, key, hmac);
  if (expected.length !== mac.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i += 1) diff |= expected.charCodeAt(i) ^ mac.charCodeAt(i);
  return diff === 0;
}

/** What the database holds now about a checkpoint's head. */
export interface CheckpointObservation {
  /** The head row's stored hash, or null when the row is gone. */
  headHash: string | null;
  /** Rows with an id up to the head, or null when not counted (only the latest checkpoint is). */
  rowsUpToHead: number | null;
}

/** Compares a (signature-checked) checkpoint with the log as it is now. */
export function assessAuditCheckpoint(
  checkpointId: string,
  claim: AuditCheckpointClaim,
  now: CheckpointObservation,
): AuditIntegrityProblem | null {
  // Signed while the log was empty: it asserts nothing about rows.
  if (claim.headId === null) return null;
  const headId = claim.headId;
  if (now.headHash === null) return { kind: 'tail_missing', checkpointId, headId };
  if (now.headHash !== claim.headHash) {
    return { kind: 'checkpoint_head_changed', checkpointId, headId };
  }
  if (now.rowsUpToHead !== null && now.rowsUpToHead !== claim.rowCount) {
    const { rowCount: expected } = claim;
    return { kind: 'row_count_changed', checkpointId, headId, expected, found: now.rowsUpToHead };
  }
  return null;
}

/** Where in the chain a problem sits (a row id), to order problems and name the earliest. */
export function auditProblemPosition(problem: AuditIntegrityProblem): bigint {
  if (problem.kind === 'row_rewritten' || problem.kind === 'row_unlinked') {
    return BigInt(problem.rowId);
  }
  return BigInt(problem.headId ?? 0);
}

/** Problems in chain order, one per key; the first is what an incident is named after. */
export function orderAuditProblems(
  problems: readonly AuditIntegrityProblem[],
): AuditIntegrityProblem[] {
  const unique = new Map(problems.map((p) => [auditProblemKey(p), p]));
  return [...unique.values()].sort((a, b) => {
    const [pa, pb] = [auditProblemPosition(a), auditProblemPosition(b)];
    if (pa !== pb) return pa < pb ? -1 : 1;
    return auditProblemKey(a) < auditProblemKey(b) ? -1 : 1;
  });
}

/** A stable identity: the same tampering found again gives the same key (one alert per incident). */
export function auditProblemKey(problem: AuditIntegrityProblem): string {
  switch (problem.kind) {
    case 'row_rewritten':
    case 'row_unlinked':
      return `${problem.kind}:${problem.rowId}`;
    default:
      return `${problem.kind}:${problem.checkpointId}`;
  }
}

/** One English line for logs, the health answer and the CLI: ids only. */
export function describeAuditProblem(problem: AuditIntegrityProblem): string {
  switch (problem.kind) {
    case 'row_rewritten':
      return `audit row ${problem.rowId} was rewritten (its content no longer matches its hash)`;
    case 'row_unlinked':
      return `audit row ${problem.rowId} does not chain onto the row before it (a row was deleted or rewritten before it)`;
    case 'checkpoint_head_changed':
      return `checkpoint ${problem.checkpointId}: audit row ${problem.headId} has another hash than signed (history was rewritten and rehashed)`;
    case 'tail_missing':
      return `checkpoint ${problem.checkpointId}: audit row ${problem.headId} is gone (the end of the log was deleted)`;
    case 'row_count_changed':
      return `checkpoint ${problem.checkpointId}: ${problem.found} audit rows up to row ${problem.headId}, ${problem.expected} when signed`;
    case 'checkpoint_forged':
      return `checkpoint ${problem.checkpointId} has an invalid signature (not written with AUDIT_CHECKPOINT_KEY)`;
    case 'checkpoint_missing':
      return `checkpoint ${problem.checkpointId} was deleted from the database`;
  }
}
