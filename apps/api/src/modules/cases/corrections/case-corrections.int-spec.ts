import type { CorrectionView } from '@caunoi/shared/contracts';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { bearer } from '../../../../test-support/factories';
import type { MatrixActor, MatrixSession } from '../../../../test-support/case-matrix';
import { NO_CASE_ROW, checkMatrix, signInMatrixActors } from '../../../../test-support/case-matrix';
import { openCaseBody, syntheticPhone, walkIn } from '../../../../test-support/intake-fixtures';

/**
 * Corrections with history: a case note and an incident are corrected with a reason; the version
 * each replaced is kept (who, when, why), encrypted, readable by the case's team only.
 */
describe('corrections with history', () => {
  let t: TestApp;
  let actors: Record<MatrixActor, MatrixSession>;
  let ids: [string, string, string];

  beforeAll(async () => {
    t = await createTestApp();
    actors = await signInMatrixActors(t);
    const a = await walkIn(t, actors.cw1, openCaseBody());
    const b = await walkIn(t, actors.sup1, openCaseBody());
    await t.http
      .post(`/api/cases/${b.id}/assign`)
      .set(...bearer(actors.sup1))
      .send({ userId: null });
    const c = await walkIn(t, actors.cw3, openCaseBody());
    ids = [a.id, b.id, c.id];
  });
  afterAll(() => t.close());

  const updater = (id: string) =>
    id === ids[0] ? actors.cw1 : id === ids[1] ? actors.sup1 : actors.cw3;
  const addNote = async (caseId: string, body: string) =>
    (
      await t.http
        .post(`/api/cases/${caseId}/notes`)
        .set(...bearer(updater(caseId)))
        .send({ body })
    ).body.id as string;
  const correctNote = (caseId: string, noteId: string, body: object, who = updater(caseId)) =>
    t.http
      .put(`/api/cases/${caseId}/notes/${noteId}`)
      .set(...bearer(who))
      .send(body);
  const history = (caseId: string, subjectType: string, subjectId: string, who: MatrixSession) =>
    t.http
      .get(`/api/cases/${caseId}/corrections?subjectType=${subjectType}&subjectId=${subjectId}`)
      .set(...bearer(who));

  it('a corrected note keeps the text it had, who corrected it, when and why, encrypted', async () => {
    const [caseId] = ids;
    const noteId = await addNote(caseId, 'Chị hẹn gặp ngày 12/12 tại trung tâm');
    const short = await correctNote(caseId, noteId, {
      body: 'Chị hẹn gặp ngày 13/12',
      reason: 'x',
      version: 1,
    });
    expect([short.status, short.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    const same = await correctNote(caseId, noteId, {
      body: 'Chị hẹn gặp ngày 12/12 tại trung tâm',
      reason: 'Ghi nhầm ngày',
      version: 1,
    });
    expect([same.status, same.body.errors?.[0]?.code]).toEqual([400, 'nothing_changed']);

    const fixed = await correctNote(caseId, noteId, {
      body: 'Chị hẹn gặp ngày 13/12 tại trung tâm',
      reason: 'Ghi nhầm ngày hẹn',
      version: 1,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      id: noteId,
      body: 'Chị hẹn gặp ngày 13/12 tại trung tâm',
      version: 2,
    });
    // Someone who opened the note before this correction is refused, and nothing is overwritten.
    const stale = await correctNote(caseId, noteId, {
      body: 'Chị hẹn gặp ngày 14/12',
      reason: 'Ghi nhầm ngày hẹn',
      version: 1,
    });
    expect([stale.status, stale.body.errors?.[0]]).toEqual([
      409,
      expect.objectContaining({ field: 'version', code: 'stale_version' }),
    ]);
    const notes = await t.http.get(`/api/cases/${caseId}/notes`).set(...bearer(actors.sup1));
    expect(notes.body.find((n: { id: string }) => n.id === noteId)).toMatchObject({
      body: 'Chị hẹn gặp ngày 13/12 tại trung tâm',
      version: 2,
    });

    const res = await history(caseId, 'CaseNote', noteId, actors.sup1);
    expect(res.status).toBe(200);
    const [version] = res.body as CorrectionView[];
    expect(res.body).toHaveLength(1);
    expect(version).toMatchObject({
      subjectType: 'CaseNote',
      previous: { body: 'Chị hẹn gặp ngày 12/12 tại trung tâm' },
      changedFields: ['body'],
      reason: 'Ghi nhầm ngày hẹn',
    });
    expect(version?.correctedByName).toBeTruthy();
    const [row] = await t.dataSource.query(
      `SELECT previous_enc, reason_enc FROM case_corrections WHERE subject_id = $1`,
      [noteId],
    );
    expect(row.previous_enc).not.toContain('12/12');
    expect(row.reason_enc).not.toContain('nhầm');
    const [read] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'case_correction.read'`,
      [caseId],
    );
    expect(read.n).toBeGreaterThan(0);
    // Another agency's caseworker does not learn the note or its history exists.
    expect((await history(caseId, 'CaseNote', noteId, actors.cw3)).status).toBe(404);
    expect(
      (await correctNote(caseId, noteId, { body: 'x', reason: 'Ghi nhầm', version: 2 }, actors.cw3))
        .status,
    ).toBe(404);
    // A note of another case is not found through this one.
    expect(
      (
        await correctNote(
          ids[1],
          noteId,
          { body: 'Khác hẳn', reason: 'Ghi nhầm', version: 2 },
          actors.sup1,
        )
      ).status,
    ).toBe(404);
  });

  it('correcting an incident needs a reason and keeps the facts it replaced; the serious mark alone does not', async () => {
    const [caseId] = ids;
    const detail = await t.http.get(`/api/cases/${caseId}`).set(...bearer(actors.cw1));
    const incident = detail.body.incidents[0] as { id: string; communeCode: string };
    const patch = (body: object) =>
      t.http
        .patch(`/api/cases/${caseId}/incidents/${incident.id}`)
        .set(...bearer(actors.cw1))
        .send(body);

    const noReason = await patch({ description: 'Sự việc xảy ra buổi tối, không phải buổi sáng' });
    expect([noReason.status, noReason.body.errors?.[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'correctionReason', code: 'reason_required' }),
    ]);
    const marked = await patch({ serious: true, seriousReasons: ['life_threatening_injury'] });
    expect(marked.status).toBe(200);
    expect((await history(caseId, 'Incident', incident.id, actors.cw1)).body).toEqual([]);

    const corrected = await patch({
      description: 'Sự việc xảy ra buổi tối, không phải buổi sáng',
      correctionReason: 'Chị kể lại chính xác hơn',
    });
    expect(corrected.status).toBe(200);
    const res = await history(caseId, 'Incident', incident.id, actors.sup1);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      changedFields: ['description'],
      previous: { description: 'Synthetic description for tests' },
      reason: 'Chị kể lại chính xác hơn',
    });
  });

  it('an incident edited from an older version is refused (409), not overwritten', async () => {
    const [caseId] = ids;
    const detail = await t.http.get(`/api/cases/${caseId}`).set(...bearer(actors.cw1));
    const incident = detail.body.incidents[0] as { id: string; version: number };
    const patch = (body: object) =>
      t.http
        .patch(`/api/cases/${caseId}/incidents/${incident.id}`)
        .set(...bearer(actors.cw1))
        .send(body);
    const first = await patch({
      description: 'Mô tả đã sửa lần một',
      correctionReason: 'Kể lại chính xác hơn',
      version: incident.version,
    });
    expect([first.status, first.body.version]).toEqual([200, incident.version + 1]);
    const stale = await patch({
      description: 'Mô tả sửa từ bản cũ',
      correctionReason: 'Kể lại chính xác hơn',
      version: incident.version,
    });
    expect([stale.status, stale.body.errors?.[0]]).toEqual([
      409,
      expect.objectContaining({ field: 'version', code: 'stale_version' }),
    ]);
    const after = await t.http.get(`/api/cases/${caseId}`).set(...bearer(actors.cw1));
    expect(after.body.incidents[0].description).toBe('Mô tả đã sửa lần một');
  });

  describe('the survivor identity', () => {
    // Cases opened here belong to cw1 (the helper's default).
    const correctIdentity = (
      caseId: string,
      body: object,
      who = ids.includes(caseId) ? updater(caseId) : actors.cw1,
    ) =>
      t.http
        .put(`/api/cases/${caseId}/identity`)
        .set(...bearer(who))
        .send(body);
    const reveal = async (caseId: string, who: MatrixSession) =>
      (await t.http.post(`/api/cases/${caseId}/reveal-identity`).set(...bearer(who))).body as {
        fullName: string;
        phone: string;
        version: number;
      };
    const search = async (phone: string, who: MatrixSession) =>
      (
        await t.http
          .post('/api/cases/search')
          .set(...bearer(who))
          .send({ phone })
      ).body as { id: string }[];

    it('corrects name and phone with a reason: history kept encrypted, blind indexes made again', async () => {
      const created = await walkIn(t, actors.cw1, openCaseBody());
      const caseId = created.id;
      const before = await reveal(caseId, actors.cw1);
      expect(before.version).toBe(1);
      const newPhone = syntheticPhone();
      // The identity as the walk-in recorded it, with the name and the phone corrected.
      const identity = {
        dateOfBirth: '1990-05-17',
        address: 'Địa chỉ tổng hợp số 1',
        fullName: 'Lê Thị Tên Đúng',
        phone: newPhone,
      };

      const noReason = await correctIdentity(caseId, { identity, version: 1 });
      expect([noReason.status, noReason.body.errors?.[0]?.field]).toEqual([400, 'reason']);
      const badPhone = await correctIdentity(caseId, {
        identity: { ...identity, phone: '12' },
        reason: 'Ghi nhầm số',
        version: 1,
      });
      expect([badPhone.status, badPhone.body.errors?.[0]?.field]).toEqual([400, 'identity.phone']);
      const both = await correctIdentity(caseId, {
        identity: { ...identity, age: 30 },
        reason: 'Ghi nhầm tuổi',
        version: 1,
      });
      expect([both.status, both.body.errors?.[0]?.field]).toEqual([400, 'identity.age']);

      const res = await correctIdentity(caseId, {
        identity,
        reason: 'Chị đọc lại tên và số điện thoại',
        version: 1,
      });
      expect(res.status).toBe(200);
      expect(res.body.identity).toMatchObject({ version: 2, present: { fullName: true } });
      expect(JSON.stringify(res.body)).not.toContain('Tên Đúng');
      expect(await reveal(caseId, actors.cw1)).toMatchObject({
        fullName: 'Lê Thị Tên Đúng',
        phone: newPhone,
        version: 2,
      });

      // The phone lookup finds the case by the new number, no longer by the old one.
      expect((await search(newPhone, actors.cw1)).map((c) => c.id)).toEqual([caseId]);
      expect((await search(before.phone, actors.cw1)).map((c) => c.id)).not.toContain(caseId);

      const stale = await correctIdentity(caseId, {
        identity: { ...identity, address: 'Địa chỉ khác' },
        reason: 'Chuyển nhà',
        version: 1,
      });
      expect([stale.status, stale.body.errors?.[0]]).toEqual([
        409,
        expect.objectContaining({ field: 'version', code: 'stale_version' }),
      ]);

      const survivorId = res.body.identity.survivorId as string;
      const hist = await history(caseId, 'SurvivorIdentity', survivorId, actors.sup1);
      expect(hist.status).toBe(200);
      expect(hist.body).toEqual([
        expect.objectContaining({
          changedFields: ['fullName', 'phone'],
          previous: { fullName: before.fullName, phone: before.phone },
          reason: 'Chị đọc lại tên và số điện thoại',
        }),
      ]);
      const [row] = await t.dataSource.query(
        `SELECT previous_enc FROM case_corrections WHERE subject_id = $1`,
        [survivorId],
      );
      expect(row.previous_enc).not.toContain(before.fullName);
      const audit = await t.dataSource.query(
        `SELECT fields, details::text AS details FROM audit_log
          WHERE case_id = $1 AND action = 'survivor.correct'`,
        [caseId],
      );
      expect(audit).toEqual([expect.objectContaining({ fields: ['fullName', 'phone'] })]);
      expect(audit[0].details).not.toContain(newPhone);

      // Unassigned, the centre's caseworkers read the case but may not reveal the identity: the
      // history tells them what changed and why, never what it was.
      await t.http
        .post(`/api/cases/${caseId}/assign`)
        .set(...bearer(actors.sup1))
        .send({ userId: null })
        .expect(200);
      const masked = await history(caseId, 'SurvivorIdentity', survivorId, actors.cw2);
      expect(masked.status).toBe(200);
      expect(masked.body[0]).toMatchObject({ changedFields: ['fullName', 'phone'], previous: {} });
      expect(JSON.stringify(masked.body)).not.toContain(before.phone);
    });

    it('corrects the coded facts the statistics count, and a birth date that shows a child marks the case', async () => {
      const created = await walkIn(t, actors.cw1, openCaseBody());
      const caseId = created.id;
      const opened = await t.http.get(`/api/cases/${caseId}`).set(...bearer(actors.cw1));
      expect(opened.body.identity).toMatchObject({
        sex: 'female',
        disabilityStatus: 'unknown',
        ethnicMinority: 'unknown',
      });
      expect(opened.body.childInvolved).toBe(false);
      const onFile = await reveal(caseId, actors.cw1);
      const identity = {
        dateOfBirth: '1990-05-17',
        address: 'Địa chỉ tổng hợp số 1',
        fullName: onFile.fullName,
        phone: onFile.phone,
      };
      // Left out, the coded facts stay as they are.
      const bad = await correctIdentity(caseId, {
        identity: { ...identity, sex: 'unsure' },
        reason: 'Ghi nhầm giới tính',
        version: 1,
      });
      expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'identity.sex']);
      const coded = await correctIdentity(caseId, {
        identity: { ...identity, disabilityStatus: 'yes', ethnicMinority: 'yes' },
        reason: 'Chị cho biết thêm khi gặp lại',
        version: 1,
      });
      expect(coded.status).toBe(200);
      expect(coded.body.identity).toMatchObject({
        sex: 'female',
        disabilityStatus: 'yes',
        ethnicMinority: 'yes',
        version: 2,
      });

      // The birth date was a typo (found a minute later): she is 14, so the case involves a child.
      t.clock.advance(60_000);
      const childDob = `${new Date(t.clock.now()).getUTCFullYear() - 14}-01-15`;
      const child = await correctIdentity(caseId, {
        identity: { ...identity, dateOfBirth: childDob, sex: 'female' },
        reason: 'Ghi nhầm năm sinh',
        version: 2,
      });
      expect(child.status).toBe(200);
      expect(child.body.identity.ageGroup).toBe('12_15');
      expect(child.body.childInvolved).toBe(true);

      const hist = await history(
        caseId,
        'SurvivorIdentity',
        coded.body.identity.survivorId,
        actors.cw1,
      );
      expect(hist.body.map((h: { changedFields: string[] }) => h.changedFields)).toEqual([
        ['dateOfBirth'],
        ['disabilityStatus', 'ethnicMinority'],
      ]);
      expect(hist.body[1].previous).toEqual({
        disabilityStatus: 'unknown',
        ethnicMinority: 'unknown',
      });
    });

    it('an anonymous record has no identity to correct (409)', async () => {
      const anonymous = await walkIn(
        t,
        actors.cw1,
        openCaseBody({
          consent: { given: false },
          survivor: { fullName: null, dateOfBirth: null, phone: null, address: null },
          incident: null,
        }),
      );
      const res = await correctIdentity(anonymous.id, {
        identity: { fullName: 'Ai đó' },
        reason: 'Chị cho biết tên',
        version: 1,
      });
      expect([res.status, res.body.errors?.[0]?.code]).toEqual([409, 'consent_required']);
    });

    it('permission matrix: correcting the identity', async () => {
      let n = 0;
      await checkMatrix(
        actors,
        ids,
        'correct identity',
        async (s, id) => {
          const current = await t.http.get(`/api/cases/${id}`).set(...bearer(updater(id)));
          n += 1;
          return correctIdentity(
            id,
            {
              identity: { fullName: `Tên đã sửa ${n}`, dateOfBirth: '1990-05-17' },
              reason: 'Ghi nhầm tên',
              version: current.body.identity.version,
            },
            s,
          );
        },
        {
          cw1: [200, 403, 404],
          cw2: [404, 403, 404],
          sup1: [200, 200, 404],
          cw3: [404, 404, 200],
          sup2: [404, 404, 200],
          ...NO_CASE_ROW,
        },
      );
    });
  });

  it('permission matrix: correcting a note and reading a history', async () => {
    await checkMatrix(
      actors,
      ids,
      'correct note',
      async (s, id) => {
        const noteId = await addNote(id, 'Ghi chú ban đầu');
        return correctNote(
          id,
          noteId,
          { body: 'Ghi chú đã sửa', reason: 'Ghi nhầm', version: 1 },
          s,
        );
      },
      {
        cw1: [200, 403, 404],
        cw2: [404, 403, 404],
        sup1: [200, 200, 404],
        cw3: [404, 404, 200],
        sup2: [404, 404, 200],
        ...NO_CASE_ROW,
      },
    );
    await checkMatrix(actors, ids, 'read history', (s, id) => history(id, 'CaseNote', id, s), {
      cw1: [200, 200, 404],
      cw2: [404, 200, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 200],
      sup2: [404, 404, 200],
      ...NO_CASE_ROW,
    });
  });
});
