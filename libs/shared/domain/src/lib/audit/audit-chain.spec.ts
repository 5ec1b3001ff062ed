import { createHash, createHmac } from 'node:crypto';
import type { AuditCheckpointClaim, AuditRowContent, ChainedAuditRow } from './audit-chain';
import {
  AUDIT_GENESIS_HASH,
  assessAuditCheckpoint,
  auditCheckpointSignatureValid,
  auditProblemKey,
  auditRowHash,
  chainAuditRows,
  describeAuditProblem,
  orderAuditProblems,
  signAuditCheckpoint,
  verifyAuditChain,
} from './audit-chain';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: Uint8Array, text: string) =>
  createHmac('sha256', key).update(text).digest('hex');

const row = (action: string, extra: Partial<AuditRowContent> = {}): AuditRowContent => ({
  occurredAt: new Date('2026-03-01T02:03:04.005Z'),
  actorUserId: '11111111-1111-4111-8111-111111111111',
  actorRole: 'caseworker',
  actorAgencyId: '22222222-2222-4222-8222-222222222222',
  action,
  subjectType: 'Case',
  subjectId: '33333333-3333-4333-8333-333333333333',
  fields: ['stage', 'riskLevel'],
  requestId: 'req-1',
  caseId: '33333333-3333-4333-8333-333333333333',
  details: { b: 2, a: 'x' },
  ...extra,
});

/** A chain of `n` rows with ids 1..n, as the database returns them. */
function chain(n: number): ChainedAuditRow[] {
  const rows = Array.from({ length: n }, (_, i) => row(`test.${i + 1}`));
  return chainAuditRows(AUDIT_GENESIS_HASH, rows, sha256).map((r, i) => ({
    ...r,
    id: String(i + 1),
  }));
}

const GENESIS = { id: null, hash: AUDIT_GENESIS_HASH };

describe('the audit hash chain', () => {
  it('hashes a row exactly as the rows already stored were hashed', () => {
    // Vectors computed with the hashing of audit.repository.ts before it moved here.
    expect(auditRowHash(AUDIT_GENESIS_HASH, row('case.read'), sha256)).toBe(
      'f3ee19a15ad1b8eb7cf5f7cab7d46ce4af44851de23151480ee6b509edc6b03f',
    );
    expect(auditRowHash(AUDIT_GENESIS_HASH, row('case.read', { caseId: null }), sha256)).toBe(
      '59e37c3c55d8a778ca0b6d2f2275ef6ab5b3903a8533246b91aeaf6c59053c7e',
    );
  });

  it('does not depend on the order of the details keys (jsonb reorders them)', () => {
    const a = auditRowHash(AUDIT_GENESIS_HASH, row('x', { details: { a: 1, b: 2 } }), sha256);
    const b = auditRowHash(AUDIT_GENESIS_HASH, row('x', { details: { b: 2, a: 1 } }), sha256);
    expect(a).toBe(b);
  });

  it('verifies an intact chain, also in batches', () => {
    const rows = chain(10);
    expect(verifyAuditChain(rows, GENESIS, sha256)).toEqual({
      break: null,
      head: { id: '10', hash: rows[9]?.hash },
      rows: 10,
    });
    const first = verifyAuditChain(rows.slice(0, 4), GENESIS, sha256);
    const second = verifyAuditChain(rows.slice(4), first.head, sha256);
    expect(second.break).toBeNull();
    expect(second.head.id).toBe('10');
  });

  it('names a rewritten row', () => {
    const rows = chain(6);
    rows[2] = { ...(rows[2] as ChainedAuditRow), action: 'auth.nothing_to_see' };
    expect(verifyAuditChain(rows, GENESIS, sha256).break).toEqual({
      kind: 'row_rewritten',
      rowId: '3',
    });
  });

  it('names the row after a deleted one', () => {
    const rows = chain(6);
    rows.splice(3, 1);
    expect(verifyAuditChain(rows, GENESIS, sha256).break).toEqual({
      kind: 'row_unlinked',
      rowId: '5',
    });
  });

  it('cannot see a rewrite whose later hashes were all recomputed: that is what checkpoints are for', () => {
    const rows = chain(6);
    const forged = chainAuditRows(
      AUDIT_GENESIS_HASH,
      rows.map((r, i) => (i === 2 ? { ...r, action: 'auth.nothing_to_see' } : r)),
      sha256,
    );
    expect(verifyAuditChain(forged, GENESIS, sha256).break).toBeNull();
  });
});

describe('signed checkpoints', () => {
  const key = new Uint8Array(32).fill(7);
  const claim: AuditCheckpointClaim = {
    kind: 'routine',
    headId: '6',
    headHash: 'a'.repeat(64),
    rowCount: 6,
    createdAt: new Date('2026-03-01T00:00:00Z'),
    keyId: 'c1',
  };

  it('verify under their key and not once any part changes', () => {
    const mac = signAuditCheckpoint(claim, key, hmac);
    expect(auditCheckpointSignatureValid(claim, mac, key, hmac)).toBe(true);
    expect(auditCheckpointSignatureValid({ ...claim, rowCount: 5 }, mac, key, hmac)).toBe(false);
    expect(auditCheckpointSignatureValid({ ...claim, headId: '5' }, mac, key, hmac)).toBe(false);
    expect(auditCheckpointSignatureValid({ ...claim, kind: 'baseline' }, mac, key, hmac)).toBe(
      false,
    );
    expect(auditCheckpointSignatureValid(claim, mac, new Uint8Array(32).fill(8), hmac)).toBe(false);
    expect(auditCheckpointSignatureValid(claim, 'f'.repeat(64), key, hmac)).toBe(false);
  });

  it('find history rewritten and rehashed, a deleted tail, and missing rows', () => {
    const same = { headHash: claim.headHash, rowsUpToHead: 6 };
    expect(assessAuditCheckpoint('9', claim, same)).toBeNull();
    expect(assessAuditCheckpoint('9', claim, { ...same, rowsUpToHead: null })).toBeNull();
    expect(assessAuditCheckpoint('9', claim, { ...same, headHash: 'b'.repeat(64) })).toEqual({
      kind: 'checkpoint_head_changed',
      checkpointId: '9',
      headId: '6',
    });
    expect(assessAuditCheckpoint('9', claim, { headHash: null, rowsUpToHead: 4 })).toEqual({
      kind: 'tail_missing',
      checkpointId: '9',
      headId: '6',
    });
    expect(assessAuditCheckpoint('9', claim, { ...same, rowsUpToHead: 5 })).toEqual({
      kind: 'row_count_changed',
      checkpointId: '9',
      headId: '6',
      expected: 6,
      found: 5,
    });
  });

  it('of an empty log assert nothing', () => {
    const empty = { ...claim, headId: null, headHash: AUDIT_GENESIS_HASH, rowCount: 0 };
    expect(assessAuditCheckpoint('1', empty, { headHash: null, rowsUpToHead: 0 })).toBeNull();
  });
});

describe('problems', () => {
  it('are ordered by where they sit in the chain, once each', () => {
    const ordered = orderAuditProblems([
      { kind: 'tail_missing', checkpointId: '4', headId: '90' },
      { kind: 'row_rewritten', rowId: '12' },
      { kind: 'checkpoint_head_changed', checkpointId: '2', headId: '40' },
      { kind: 'row_rewritten', rowId: '12' },
    ]);
    expect(ordered.map(auditProblemKey)).toEqual([
      'row_rewritten:12',
      'checkpoint_head_changed:2',
      'tail_missing:4',
    ]);
  });

  it('are described with ids only', () => {
    expect(describeAuditProblem({ kind: 'row_unlinked', rowId: '12' })).toMatch(/audit row 12/);
    expect(
      describeAuditProblem({ kind: 'checkpoint_missing', checkpointId: '3', headId: '40' }),
    ).toMatch(/checkpoint 3 was deleted/);
  });
});
