import { randomBytes } from 'node:crypto';
import type { CaseSummaryView, CallView, RevealedIdentity } from '@caunoi/shared/contracts';
import type { CliIo } from '../../cli/cli-command';
import { reencryptCommand } from '../../cli/reencrypt.command';
import { reindexCommand } from '../../cli/reindex.command';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp, testConfig } from '../../../test-support/test-app';
import { bearer, signedIn } from '../../../test-support/factories';
import type { Session, TestUser } from '../../../test-support/factories';
import {
  callBody,
  openCaseBody,
  syntheticPhone,
  walkIn,
} from '../../../test-support/intake-fixtures';
import type { ScratchDatabase } from '../../../test-support/test-database';
import { createScratchDatabase, migrateTestDatabase } from '../../../test-support/test-database';
import { FieldCipher } from '../crypto/field-cipher';
import { EncryptedColumnsRepository } from './encrypted-columns.repository';

const key = () => randomBytes(32).toString('base64');
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;
const B1 = key(); // as first generated: no id, so `b1`
const B2 = `b2:${key()}`;

/** The keys as an operator changes them: before, during (new first, old kept), after (old removed). */
const BEFORE = { DATA_ENCRYPTION_KEYS: K1, BLIND_INDEX_KEY: B1 };
const DURING = {
  DATA_ENCRYPTION_KEYS: `${K2},${K1}`,
  BLIND_INDEX_KEY: B2,
  BLIND_INDEX_PREVIOUS_KEY: B1,
};
const AFTER = { DATA_ENCRYPTION_KEYS: K2, BLIND_INDEX_KEY: B2 };

type S = TestUser & Session;

function capture(): CliIo & { out: (l: string) => void; text: () => string } {
  const lines: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => lines.push(l), text: () => lines.join('\n') };
}

/**
 * Key rotation on a database of its own (the run's shared database holds other suites' data under
 * the run's key). Data is written under k1/b1, the keys change with the API running, the commands
 * rewrite everything, and the old keys are removed.
 */
describe('key rotation: reencrypt and reindex', () => {
  let db: ScratchDatabase;
  let t: TestApp;
  const people: { phone: string; fullName: string; caseId: string; survivorCode: string }[] = [];
  let callerPhone: string;

  const app = async (keys: Record<string, string>) => createTestApp({ ...db.env, ...keys });
  const config = (keys: Record<string, string>) => testConfig({ ...db.env, ...keys });
  const searchByPhone = (session: S, phone: string) =>
    t.http
      .post('/api/cases/search')
      .set(...bearer(session))
      .send({ phone });

  beforeAll(async () => {
    db = await createScratchDatabase('rotation');
    await migrateTestDatabase(db);

    t = await app(BEFORE);
    const caseworker = await signedIn(t, 'caseworker');
    const operator = await signedIn(t, 'hotline_operator');
    for (let i = 0; i < 5; i += 1) {
      const body = openCaseBody();
      const opened = await walkIn(t, caseworker, body);
      people.push({
        phone: body.survivor.phone as string,
        fullName: body.survivor.fullName as string,
        caseId: opened.id,
        survivorCode: opened.survivorCode,
      });
    }
    callerPhone = syntheticPhone();
    for (const phone of [callerPhone, syntheticPhone()]) {
      const res = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody({ callerPhone: phone }));
      expect(res.status).toBe(201);
    }
    await t.close();
  });

  afterAll(async () => {
    await t.close().catch(() => undefined);
    await db.drop();
  });

  it('while the keys change, everything written before still reads and is still found', async () => {
    t = await app(DURING);
    const supervisor = await signedIn(t, 'supervisor');
    const res = await searchByPhone(supervisor, people[0]?.phone as string);
    expect(res.status).toBe(200);
    expect((res.body as CaseSummaryView[]).map((c) => c.id)).toEqual([people[0]?.caseId]);
    const revealed = await t.http
      .post(`/api/cases/${people[1]?.caseId}/reveal-identity`)
      .set(...bearer(supervisor))
      .send({});
    expect(revealed.status).toBe(200);
    expect((revealed.body as RevealedIdentity).fullName).toBe(people[1]?.fullName);
    // A new intake with an earlier survivor's number is warned about, across keys.
    const again = await t.http
      .post('/api/cases')
      .set(...bearer(supervisor))
      .send(openCaseBody({ survivor: { phone: people[2]?.phone } }));
    expect(again.status).toBe(201);
    expect(JSON.stringify(again.body.possibleDuplicates)).toContain(people[2]?.survivorCode);
  });

  it('a repeat caller is still linked: the earlier call takes the new digest when the number calls again', async () => {
    const operator = await signedIn(t, 'hotline_operator');
    const res = await t.http
      .post('/api/calls')
      .set(...bearer(operator))
      .send(callBody({ callerPhone }));
    expect(res.status).toBe(201);
    expect((res.body as CallView).repeatCallerCallIds).toHaveLength(1);
  });

  it('reencrypt: an interrupted run resumes; a value the API changed meanwhile is not overwritten', async () => {
    const columns = new EncryptedColumnsRepository(t.dataSource);
    const discovered = (await columns.discover()).map((c) => `${c.table}.${c.column}`);
    expect(discovered).toEqual(
      expect.arrayContaining([
        'survivors.identity_enc',
        'calls.notes_enc',
        'case_notes.body_enc',
        'incidents.description_enc',
      ]),
    );

    const first = capture();
    expect(
      await reencryptCommand.run(
        config(DURING),
        ['--batch-size', '2', '--max-batches', '1'],
        first,
      ),
    ).toBe(1);
    expect(first.text()).toContain('run the command again');
    const [{ n: left }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM survivors WHERE identity_enc LIKE 'v1:k1:%'`,
    )) as { n: number }[];
    expect(left).toBeGreaterThan(0);

    // Compare-and-set: a stale read cannot overwrite what the API wrote since.
    const survivorsCol = (await columns.discover()).find(
      (c) => c.table === 'survivors' && c.column === 'identity_enc',
    );
    const [row] = (await t.dataSource.query(
      `SELECT id::text AS id, identity_enc AS value FROM survivors WHERE identity_enc LIKE 'v1:k1:%' LIMIT 1`,
    )) as { id: string; value: string }[];
    if (!survivorsCol || !row) throw new Error('expected a survivor still under k1');
    const current = new FieldCipher(config(DURING)).encrypt(
      '{"fullName":"written by the API meanwhile"}',
    );
    await t.dataSource.query(`UPDATE survivors SET identity_enc = $2 WHERE id = $1`, [
      row.id,
      current,
    ]);
    expect(
      await columns.replace(survivorsCol, [{ id: row.id, old: row.value, next: 'stale' }]),
    ).toBe(0);
    const [{ identity_enc: after }] = (await t.dataSource.query(
      `SELECT identity_enc FROM survivors WHERE id = $1`,
      [row?.id],
    )) as { identity_enc: string }[];
    expect(after).toBe(current);
    await t.dataSource.query(`UPDATE survivors SET identity_enc = $2 WHERE id = $1`, [
      row?.id,
      row?.value,
    ]);

    const second = capture();
    expect(await reencryptCommand.run(config(DURING), ['--batch-size', '3'], second)).toBe(0);
    expect(second.text()).toContain('No value under an old key remains');
    // Idempotent: a third run has nothing to do.
    const third = capture();
    expect(await reencryptCommand.run(config(DURING), [], third)).toBe(0);
    expect(third.text()).toContain('Re-encrypted 0 value(s)');

    // With k1 gone every value still decrypts.
    const onlyK2 = new FieldCipher(config(AFTER));
    for (const col of await columns.discover()) {
      const values = (await t.dataSource.query(
        `SELECT ${col.column} AS v FROM ${col.table} WHERE ${col.column} IS NOT NULL`,
      )) as { v: string }[];
      for (const { v } of values) {
        expect(v.startsWith('v1:k2:')).toBe(true);
        expect(() => onlyK2.decrypt(v)).not.toThrow();
      }
    }
  });

  it('reindex: survivors are recomputed, lookups work during and after; call digests it cannot redo are reported, then erased', async () => {
    const supervisor = await signedIn(t, 'supervisor');
    const partial = capture();
    expect(
      await reindexCommand.run(
        config(DURING),
        ['--batch-size', '2', '--max-batches', '1'],
        partial,
      ),
    ).toBe(1);
    // Half-way: found whichever key their index is under.
    for (const p of people) {
      const res = await searchByPhone(supervisor, p.phone);
      expect((res.body as CaseSummaryView[]).map((c) => c.id)).toContain(p.caseId);
    }

    const rest = capture();
    expect(await reindexCommand.run(config(DURING), [], rest)).toBe(1);
    expect(rest.text()).toContain('calls whose caller digest is under an old key: 1');
    const [{ n: oldSurvivors }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM survivors WHERE bidx_key <> 'b2'`,
    )) as { n: number }[];
    expect(oldSurvivors).toBe(0);

    const forget = capture();
    expect(await reindexCommand.run(config(DURING), ['--forget-call-digests'], forget)).toBe(0);
    expect(forget.text()).toContain('BLIND_INDEX_PREVIOUS_KEY can be removed');
    await t.close();

    // Old keys removed: everything reads, everything is found.
    t = await app(AFTER);
    const head = await signedIn(t, 'supervisor');
    for (const p of people) {
      const res = await searchByPhone(head, p.phone);
      expect((res.body as CaseSummaryView[]).map((c) => c.id)).toContain(p.caseId);
      const revealed = await t.http
        .post(`/api/cases/${p.caseId}/reveal-identity`)
        .set(...bearer(head))
        .send({});
      expect((revealed.body as RevealedIdentity).fullName).toBe(p.fullName);
    }
    const operator = await signedIn(t, 'hotline_operator');
    const again = await t.http
      .post('/api/calls')
      .set(...bearer(operator))
      .send(callBody({ callerPhone }));
    expect((again.body as CallView).repeatCallerCallIds).toHaveLength(2);
  });
});
