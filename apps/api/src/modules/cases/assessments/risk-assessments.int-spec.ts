import type {
  CorrectionView,
  RiskAssessmentView,
  RiskInstrumentView,
} from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { ROLES, STARTER_ADULT_INSTRUMENT } from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, signedIn } from '../../../../test-support/factories';
import { openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';
import { withOwnerClient } from '../../../../test-support/test-database';

type S = TestUser & Session;

describe('risk assessment with a versioned instrument', () => {
  let t: TestApp;
  let caseworker: S;
  let supervisor: S;
  let admin: S;
  let adult: RiskInstrumentView;
  let child: RiskInstrumentView;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, supervisor, admin] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'admin'),
    ]);
    const res = await t.http.get('/api/risk-instruments').set(...bearer(caseworker));
    expect(res.status).toBe(200);
    const published = res.body as RiskInstrumentView[];
    adult = published.find((i) => i.code === 'caunoi-danger-adult') as RiskInstrumentView;
    child = published.find((i) => i.code === 'caunoi-danger-child') as RiskInstrumentView;
  });
  afterAll(() => t.close());

  const allNo = (instrument: RiskInstrumentView) =>
    Object.fromEntries(
      instrument.content.items.map((item) => [item.key, item.kind === 'yes_no' ? false : 0]),
    );
  const assess = (caseId: string, body: Record<string, unknown>, who: S = caseworker) =>
    t.http
      .post(`/api/cases/${caseId}/assessments`)
      .set(...bearer(who))
      .send(body);
  const highRiskNotices = async (caseId: string, userId: string) =>
    (
      (await t.dataSource.query(
        `SELECT params FROM notifications WHERE user_id = $1 AND case_id = $2 AND kind = 'case.high_risk'`,
        [userId, caseId],
      )) as { params: Record<string, unknown> }[]
    ).map((r) => r.params);

  it('ships the starter adult and child instruments, published as version 1', () => {
    expect([adult.version, adult.status, adult.audience]).toEqual([1, 'published', 'adult']);
    expect([child.version, child.status, child.audience]).toEqual([1, 'published', 'child']);
    expect(adult.content.items.length).toBeGreaterThan(10);
    expect(adult.content.title.vi).toContain('nguy cơ');
  });

  it('scores the answers, sets the case risk, and keeps every answer with the version', async () => {
    const c = await walkIn(t, caseworker);
    const res = await assess(c.id, {
      instrumentId: adult.id,
      answers: { ...allNo(adult), escalation: true, separation: true, frequency: 2 },
    });
    expect(res.status).toBe(201);
    const view = res.body as RiskAssessmentView;
    expect([view.score, view.computedLevel, view.level]).toEqual([6, 'low', 'low']);
    expect(view.instrument).toEqual(expect.objectContaining({ id: adult.id, version: 1 }));
    expect(view.answers['separation']).toBe(true);
    const detail = await t.http.get(`/api/cases/${c.id}`).set(...bearer(caseworker));
    expect(detail.body.riskLevel).toBe('low');
  });

  it('judgement raises the level with a reason, kept encrypted; it never lowers', async () => {
    const c = await walkIn(t, caseworker);
    const reason = 'Chị nói người đó vừa mua một con dao mới';
    const lower = await assess(c.id, {
      instrumentId: adult.id,
      answers: { ...allNo(adult), weapon: true },
      overrideLevel: 'medium',
      overrideReason: reason,
    });
    expect(lower.status).toBe(400);
    expect(lower.body.errors).toEqual([
      expect.objectContaining({ field: 'overrideLevel', code: 'cannot_lower' }),
    ]);
    const noReason = await assess(c.id, {
      instrumentId: adult.id,
      answers: allNo(adult),
      overrideLevel: 'high',
    });
    expect(noReason.body.errors).toEqual([
      expect.objectContaining({ field: 'overrideReason', code: 'reason_required' }),
    ]);
    const raised = await assess(c.id, {
      instrumentId: adult.id,
      answers: allNo(adult),
      overrideLevel: 'high',
      overrideReason: reason,
    });
    expect(raised.status).toBe(201);
    expect([raised.body.computedLevel, raised.body.level]).toEqual(['low', 'high']);
    const stored = (await t.dataSource.query(
      `SELECT override_reason_enc FROM risk_assessments WHERE id = $1`,
      [raised.body.id],
    )) as { override_reason_enc: string }[];
    expect(stored[0]?.override_reason_enc).not.toContain('dao');
    const list = await t.http.get(`/api/cases/${c.id}/assessments`).set(...bearer(caseworker));
    expect(list.body.map((a: RiskAssessmentView) => a.overrideReason)).toEqual([reason]);
    // Both refusals wrote nothing: only one assessment and the case is high.
    expect((await t.http.get(`/api/cases/${c.id}`).set(...bearer(caseworker))).body.riskLevel).toBe(
      'high',
    );
  });

  it('a critical item alone is high risk; the supervisors are told once, with a code and no name', async () => {
    const body = openCaseBody();
    const c = await walkIn(t, caseworker, body);
    const first = await assess(c.id, {
      instrumentId: adult.id,
      answers: { ...allNo(adult), strangulation: true },
    });
    expect([first.body.score, first.body.level, first.body.criticalYes]).toEqual([
      3,
      'high',
      ['strangulation'],
    ]);
    expect(await highRiskNotices(c.id, supervisor.id)).toEqual([{ survivorCode: c.survivorCode }]);
    expect(JSON.stringify(await highRiskNotices(c.id, supervisor.id))).not.toContain(
      body.survivor.fullName as string,
    );
    await assess(c.id, { instrumentId: adult.id, answers: { ...allNo(adult), weapon: true } });
    expect(await highRiskNotices(c.id, supervisor.id)).toHaveLength(1);
    expect(await highRiskNotices(c.id, caseworker.id)).toHaveLength(0);
  });

  it('answers must fit the version; a child is assessed with the child instrument', async () => {
    const c = await walkIn(t, caseworker);
    const wrong = await assess(c.id, {
      instrumentId: adult.id,
      answers: { ...allNo(adult), invented: true, frequency: 9 },
    });
    expect(wrong.status).toBe(400);
    expect(
      wrong.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
    ).toEqual(
      expect.arrayContaining(['answers.invented:unknown_item', 'answers.frequency:out_of_scale']),
    );
    const missing = await assess(c.id, { instrumentId: adult.id, answers: {} });
    expect(missing.body.errors).toHaveLength(adult.content.items.length);
    const childForAdult = await assess(c.id, { instrumentId: child.id, answers: allNo(child) });
    expect(childForAdult.body.errors).toEqual([
      expect.objectContaining({ field: 'instrumentId', code: 'wrong_audience' }),
    ]);

    const girl = await walkIn(
      t,
      caseworker,
      openCaseBody({
        survivor: { dateOfBirth: '2016-03-02' },
        consent: { givenBy: 'guardian', childAssent: true },
      }),
    );
    expect((await assess(girl.id, { instrumentId: adult.id, answers: allNo(adult) })).status).toBe(
      400,
    );
    const ok = await assess(girl.id, {
      instrumentId: child.id,
      answers: {
        ...allNo(child),
        afraid_to_go_home: true,
        lives_with_perpetrator: true,
        repeated: true,
      },
    });
    expect([ok.status, ok.body.score, ok.body.level]).toEqual([201, 5, 'medium']);
  });

  describe('a saved assessment is corrected with a reason', () => {
    const correct = (
      caseId: string,
      id: string,
      body: Record<string, unknown>,
      who: S = caseworker,
    ) =>
      t.http
        .put(`/api/cases/${caseId}/assessments/${id}`)
        .set(...bearer(who))
        .send(body);
    const history = async (caseId: string, id: string) =>
      (
        await t.http
          .get(`/api/cases/${caseId}/corrections`)
          .query({ subjectType: 'RiskAssessment', subjectId: id })
          .set(...bearer(caseworker))
      ).body as CorrectionView[];

    it('re-scores the answers, moves the case level, keeps what it replaced and tells the supervisors of high risk', async () => {
      const c = await walkIn(t, caseworker);
      const saved = (await assess(c.id, { instrumentId: adult.id, answers: allNo(adult) }))
        .body as RiskAssessmentView;
      expect([saved.level, saved.version]).toEqual(['low', 1]);

      const res = await correct(c.id, saved.id, {
        answers: { ...allNo(adult), strangulation: true },
        reason: 'Chọn nhầm câu trả lời khi nhập',
        version: 1,
      });
      expect(res.status).toBe(200);
      const view = res.body as RiskAssessmentView;
      expect([view.id, view.level, view.score, view.version, view.criticalYes]).toEqual([
        saved.id,
        'high',
        3,
        2,
        ['strangulation'],
      ]);
      expect(view.assessedAt).toBe(saved.assessedAt);
      expect(
        (await t.http.get(`/api/cases/${c.id}`).set(...bearer(caseworker))).body.riskLevel,
      ).toBe('high');
      expect(await highRiskNotices(c.id, supervisor.id)).toEqual([
        { survivorCode: c.survivorCode },
      ]);

      const [entry] = await history(c.id, saved.id);
      expect(entry?.reason).toBe('Chọn nhầm câu trả lời khi nhập');
      expect(entry?.changedFields).toEqual(['answers', 'level']);
      expect((entry?.previous['answers'] as Record<string, unknown>)['strangulation']).toBe(false);
      expect(entry?.previous['level']).toBe('low');
      // Still one assessment: a correction is not a new one.
      const list = (await t.http.get(`/api/cases/${c.id}/assessments`).set(...bearer(caseworker)))
        .body as RiskAssessmentView[];
      expect(list.map((a) => [a.id, a.level, a.version])).toEqual([[saved.id, 'high', 2]]);
      const timeline = await t.http.get(`/api/cases/${c.id}/timeline`).set(...bearer(caseworker));
      expect(JSON.stringify(timeline.body)).toContain('risk_assessment.correct');
    });

    it('refuses a stale version, a lowered judgement, no reason and no change, writing nothing', async () => {
      const c = await walkIn(t, caseworker);
      const saved = (
        await assess(c.id, { instrumentId: adult.id, answers: { ...allNo(adult), weapon: true } })
      ).body as RiskAssessmentView;
      const base = { answers: { ...allNo(adult), weapon: true }, reason: 'sửa lại', version: 1 };
      const first = await correct(c.id, saved.id, {
        ...base,
        answers: { ...allNo(adult), weapon: true, escalation: true },
      });
      expect(first.status).toBe(200);

      const stale = await correct(c.id, saved.id, base);
      expect([stale.status, stale.body.errors?.[0]?.field, stale.body.errors?.[0]?.code]).toEqual([
        409,
        'version',
        'stale_version',
      ]);
      const lowered = await correct(c.id, saved.id, {
        ...base,
        version: 2,
        overrideLevel: 'medium',
        overrideReason: 'Người đó đã chuyển đi nơi khác',
      });
      expect(lowered.body.errors).toEqual([
        expect.objectContaining({ field: 'overrideLevel', code: 'cannot_lower' }),
      ]);
      const noReason = await correct(c.id, saved.id, { ...base, version: 2, reason: '' });
      expect([noReason.status, noReason.body.errors?.[0]?.field]).toEqual([400, 'reason']);
      const same = await correct(c.id, saved.id, {
        ...base,
        answers: { ...allNo(adult), weapon: true, escalation: true },
        version: 2,
      });
      expect([same.status, same.body.errors?.[0]?.code]).toEqual([400, 'nothing_changed']);
      const unknownItem = await correct(c.id, saved.id, {
        ...base,
        answers: { ...allNo(adult), invented: true },
        version: 2,
      });
      expect(unknownItem.body.errors).toEqual([
        expect.objectContaining({ field: 'answers.invented', code: 'unknown_item' }),
      ]);
      expect(await history(c.id, saved.id)).toHaveLength(1);
      const other = await correct(c.id, '00000000-0000-4000-8000-000000000000', {
        ...base,
        version: 2,
      });
      expect([other.status, other.body.errors?.[0]?.field]).toEqual([404, 'childId']);
    });

    it('correcting an older assessment changes its record and the trend, not the case', async () => {
      const c = await walkIn(t, caseworker);
      const older = (await assess(c.id, { instrumentId: adult.id, answers: allNo(adult) }))
        .body as RiskAssessmentView;
      // A second later (the test clock stands still otherwise): this one is the latest.
      t.clock.advance(1000);
      await assess(c.id, { instrumentId: adult.id, answers: { ...allNo(adult), frequency: 1 } });
      const res = await correct(c.id, older.id, {
        answers: { ...allNo(adult), strangulation: true },
        reason: 'Nhập sai câu trả lời',
        version: 1,
      });
      expect([res.status, res.body.level]).toEqual([200, 'high']);
      expect(
        (await t.http.get(`/api/cases/${c.id}`).set(...bearer(caseworker))).body.riskLevel,
      ).toBe('low');
      expect(await highRiskNotices(c.id, supervisor.id)).toEqual([]);
    });
  });

  describe('instruments are kept by admins', () => {
    const draftBody = () => ({
      ...STARTER_ADULT_INSTRUMENT,
      thresholds: { medium: 7, high: 14 },
    });

    it.each(ROLES.filter((r) => r !== 'admin'))(
      'a %s may not create or publish a version',
      async (role: Role) => {
        const s = await signedIn(t, role);
        expect(
          (
            await t.http
              .post('/api/risk-instruments')
              .set(...bearer(s))
              .send(draftBody())
          ).status,
        ).toBe(403);
        expect(
          (await t.http.post(`/api/risk-instruments/${adult.id}/publish`).set(...bearer(s))).status,
        ).toBe(403);
      },
    );

    it.each(ROLES.filter((r) => !['admin', 'caseworker', 'supervisor'].includes(r)))(
      'a %s does not read instruments',
      async (role: Role) => {
        const s = await signedIn(t, role);
        expect((await t.http.get('/api/risk-instruments').set(...bearer(s))).status).toBe(403);
      },
    );

    it('a bad version is refused naming the field', async () => {
      const res = await t.http
        .post('/api/risk-instruments')
        .set(...bearer(admin))
        .send({ ...draftBody(), thresholds: { medium: 7, high: 999 } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'thresholds.high' })]);
    });

    it('a new version is a draft until published; then it is current, the old one retired and immutable', async () => {
      const c = await walkIn(t, caseworker);
      const before = await assess(c.id, { instrumentId: adult.id, answers: allNo(adult) });
      expect(before.status).toBe(201);

      const draft = await t.http
        .post('/api/risk-instruments')
        .set(...bearer(admin))
        .send(draftBody());
      expect([draft.status, draft.body.version, draft.body.status]).toEqual([201, 2, 'draft']);
      // The admin's list: every version, newest first, each with how many assessments use it.
      const versions = (await t.http.get('/api/risk-instruments').set(...bearer(admin)))
        .body as RiskInstrumentView[];
      const ofCode = versions.filter((i) => i.code === adult.code);
      expect(ofCode.map((i) => [i.version, i.status])).toEqual([
        [2, 'draft'],
        [1, 'published'],
      ]);
      expect(ofCode[0]?.assessmentCount).toBe(0);
      expect(ofCode[1]?.assessmentCount).toBeGreaterThanOrEqual(1);
      // Caseworkers get no counts (they are about every centre).
      const seen = (await t.http.get('/api/risk-instruments').set(...bearer(caseworker)))
        .body as RiskInstrumentView[];
      expect(seen.every((i) => i.assessmentCount === undefined)).toBe(true);
      // Caseworkers neither see a draft nor assess with it.
      expect(
        (await t.http.get(`/api/risk-instruments/${draft.body.id}`).set(...bearer(caseworker)))
          .status,
      ).toBe(404);
      expect(
        (await assess(c.id, { instrumentId: draft.body.id, answers: allNo(adult) })).body.errors,
      ).toEqual([expect.objectContaining({ field: 'instrumentId', code: 'not_current' })]);

      const published = await t.http
        .post(`/api/risk-instruments/${draft.body.id}/publish`)
        .set(...bearer(admin));
      expect([published.status, published.body.status]).toEqual([200, 'published']);
      const again = await t.http
        .post(`/api/risk-instruments/${draft.body.id}/publish`)
        .set(...bearer(admin));
      expect([again.status, again.body.errors?.[0]?.code]).toEqual([409, 'not_draft']);

      const current = (await t.http.get('/api/risk-instruments').set(...bearer(caseworker)))
        .body as RiskInstrumentView[];
      expect(current.find((i) => i.code === adult.code)?.version).toBe(2);
      expect((await assess(c.id, { instrumentId: adult.id, answers: allNo(adult) })).status).toBe(
        400,
      );
      const list = (await t.http.get(`/api/cases/${c.id}/assessments`).set(...bearer(caseworker)))
        .body as RiskAssessmentView[];
      expect(list.map((a) => a.instrument.version)).toEqual([1]);

      // Not even the owner role may rewrite a published version.
      await expect(
        withOwnerClient((db) =>
          db.query(`UPDATE risk_instruments SET content = '{}' WHERE id = $1`, [adult.id]),
        ),
      ).rejects.toThrow(/cannot change/);
      adult = current.find((i) => i.code === adult.code) as RiskInstrumentView;
    });
  });
});
