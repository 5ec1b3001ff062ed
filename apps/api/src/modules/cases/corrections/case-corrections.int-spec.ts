import type { CorrectionView } from '@caunoi/shared/contracts';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { bearer } from '../../../../test-support/factories';
import type { MatrixActor, MatrixSession } from '../../../../test-support/case-matrix';
import { NO_CASE_ROW, checkMatrix, signInMatrixActors } from '../../../../test-support/case-matrix';
import { openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';

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
    });
    expect([short.status, short.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    const same = await correctNote(caseId, noteId, {
      body: 'Chị hẹn gặp ngày 12/12 tại trung tâm',
      reason: 'Ghi nhầm ngày',
    });
    expect([same.status, same.body.errors?.[0]?.code]).toEqual([400, 'nothing_changed']);

    const fixed = await correctNote(caseId, noteId, {
      body: 'Chị hẹn gặp ngày 13/12 tại trung tâm',
      reason: 'Ghi nhầm ngày hẹn',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ id: noteId, body: 'Chị hẹn gặp ngày 13/12 tại trung tâm' });
    const notes = await t.http.get(`/api/cases/${caseId}/notes`).set(...bearer(actors.sup1));
    expect(notes.body.find((n: { id: string }) => n.id === noteId).body).toBe(
      'Chị hẹn gặp ngày 13/12 tại trung tâm',
    );

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
      (await correctNote(caseId, noteId, { body: 'x', reason: 'Ghi nhầm' }, actors.cw3)).status,
    ).toBe(404);
    // A note of another case is not found through this one.
    expect(
      (await correctNote(ids[1], noteId, { body: 'Khác hẳn', reason: 'Ghi nhầm' }, actors.sup1))
        .status,
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

  it('permission matrix: correcting a note and reading a history', async () => {
    await checkMatrix(
      actors,
      ids,
      'correct note',
      async (s, id) => {
        const noteId = await addNote(id, 'Ghi chú ban đầu');
        return correctNote(id, noteId, { body: 'Ghi chú đã sửa', reason: 'Ghi nhầm' }, s);
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
