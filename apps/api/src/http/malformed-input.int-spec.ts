import type { Response } from 'supertest';
import type { Role } from '@caunoi/shared/domain';
import { REFRESH_COOKIE_NAME } from '@caunoi/shared/contracts';
import type { TestApp } from '../../test-support/test-app';
import { createTestApp } from '../../test-support/test-app';
import type { Session, TestUser } from '../../test-support/factories';
import { bearer, signedIn } from '../../test-support/factories';
import { deeplyNested } from '../../test-support/fuzz/dto-arbitraries';
import { callBody, incident, openCaseBody, walkIn } from '../../test-support/intake-fixtures';
import { POLICE, consentToShare, referralInput } from '../../test-support/referral-fixtures';
import { DEMO_AGENCIES, DEMO_HOTLINE_LINES } from '../modules/seed/demo-data';

type S = TestUser & Session;

/**
 * The malformed requests of issue 9 that were answered 500, one by one: each is now a 4xx whose
 * body names the field, in the shape the web puts on its form controls.
 */
describe('malformed input is a 400 naming the field', () => {
  let t: TestApp;
  const as: Partial<Record<Role, S>> = {};
  let caseId: string;
  let incidentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of [
      'caseworker',
      'supervisor',
      'admin',
      'hotline_operator',
      'volunteer',
      'police_liaison',
      'reporting_officer',
    ] as const) {
      as[role] = await signedIn(t, role);
    }
    const created = await walkIn(t, who('caseworker'), openCaseBody());
    caseId = created.id;
    const detail = await t.http.get(`/api/cases/${caseId}`).set(...bearer(who('caseworker')));
    incidentId = detail.body.incidents[0].id as string;
  });
  afterAll(() => t.close());

  function who(role: Role): S {
    const session = as[role];
    if (!session) throw new Error(`no session for ${role}`);
    return session;
  }

  function expectField(res: Response, field: string, status = 400): void {
    expect({ status: res.status, fields: fieldsOf(res) }).toEqual({
      status,
      fields: expect.arrayContaining([field]),
    });
  }

  function fieldsOf(res: Response): string[] {
    return ((res.body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  }

  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  describe('keyset cursors whose keys hold the wrong kind of value (every list)', () => {
    const lists: [string, Role, string[]][] = [
      ['/api/agencies', 'admin', ['name', 'id']],
      ['/api/users', 'admin', ['username']],
      ['/api/administrative-units', 'admin', ['searchName', 'code']],
      ['/api/cases', 'caseworker', ['openedAt', 'id']],
      ['/api/cases/:case/access-log', 'supervisor', ['id']],
      ['/api/intake', 'caseworker', ['receivedAt', 'id']],
      ['/api/notifications', 'caseworker', ['createdAt', 'id']],
      ['/api/deadlines', 'supervisor', ['dueAt', 'id']],
      ['/api/calls', 'hotline_operator', ['startedAt', 'id']],
      ['/api/community-referrals/mine', 'volunteer', ['createdAt', 'id']],
      ['/api/referrals', 'police_liaison', ['respondBy', 'id']],
      ['/api/service-records', 'police_liaison', ['createdAt', 'id']],
      ['/api/incident-reports', 'reporting_officer', ['submittedAt', 'id']],
    ];
    // A word is a valid name or code; where a key is a time or an id, it is the wrong kind too.
    const textOnly = (keys: string[]) =>
      keys.every((k) => ['name', 'username', 'searchName', 'code'].includes(k));
    it.each(lists)('%s as %s', async (path, role, keys) => {
      const url = path.replace(':case', caseId);
      const wrongValues = [12, 'a\u0000b', { $gt: '' }, ...(textOnly(keys) ? [] : ['yesterday'])];
      for (const value of wrongValues) {
        const after = cursor(Object.fromEntries(keys.map((k) => [k, value])));
        const res = await t.http
          .get(url)
          .query({ after })
          .set(...bearer(who(role)));
        expectField(res, 'after');
      }
    });
  });

  describe('NUL characters', () => {
    it('at login, unauthenticated: 400 naming username, not a 500', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: 'caseworker.demo\u0000', password: 'x' });
      expectField(res, 'username');
      expect(res.body.errors[0].code).toBe('nul_character');
    });

    it('in a nested field of a body, in a query string and in a path parameter', async () => {
      const body = openCaseBody({ survivor: { fullName: 'Nguyễn\u0000Thị' } });
      expectField(
        await t.http
          .post('/api/cases')
          .set(...bearer(who('caseworker')))
          .send(body),
        'survivor.fullName',
      );
      expectField(await t.http.get('/api/agencies?q=%00').set(...bearer(who('admin'))), 'q');
      expectField(
        await t.http.get('/api/administrative-units/%00').set(...bearer(who('admin'))),
        'code',
      );
    });
  });

  it('deeply nested JSON is refused at the body parser', async () => {
    for (const depth of [40, 10000]) {
      const res = await t.http
        .post('/api/cases')
        .set(...bearer(who('caseworker')))
        .set('Content-Type', 'application/json')
        .send(deeplyNested(depth));
      expectField(res, 'body');
      expect(res.body.errors[0].code).toBe('too_deep');
    }
  });

  describe('missing, null and array-typed nested objects on POST /api/cases', () => {
    const post = (body: unknown) =>
      t.http
        .post('/api/cases')
        .set(...bearer(who('caseworker')))
        .send(body as object);

    it('a body without consent, or with null consent', async () => {
      const withoutConsent: Partial<ReturnType<typeof openCaseBody>> = openCaseBody();
      delete withoutConsent.consent;
      expectField(await post(withoutConsent), 'consent');
      expectField(await post({ ...openCaseBody(), consent: null }), 'consent');
    });

    it('survivor: [] or a string', async () => {
      expectField(await post({ ...openCaseBody(), survivor: [] }), 'survivor');
      expectField(await post({ ...openCaseBody(), survivor: 'x' }), 'survivor');
    });

    it('perpetrators holding arrays instead of objects', async () => {
      const body = openCaseBody({ incident: incident({ perpetrators: [[]] as never }) });
      expectField(await post(body), 'incident.perpetrators');
    });

    it('an empty body and a top-level array', async () => {
      expectField(await post({}), 'consent');
      expectField(await post([openCaseBody()]), 'body');
    });

    it('a text/plain body is 415', async () => {
      const res = await t.http
        .post('/api/cases')
        .set(...bearer(who('caseworker')))
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(openCaseBody()));
      expectField(res, 'body', 415);
    });

    it('an empty communeCode', async () => {
      expectField(await post({ ...openCaseBody(), communeCode: '' }), 'communeCode');
    });
  });

  it('"override": [] on a referral', async () => {
    await consentToShare(t, who('caseworker'), caseId, ['police'], ['incident_facts']);
    const res = await t.http
      .post(`/api/cases/${caseId}/referrals`)
      .set(...bearer(who('caseworker')))
      .send({ referrals: [{ ...referralInput(POLICE), override: [] }] });
    expectField(res, 'referrals.0.override');
  });

  describe('null where the service cannot store one', () => {
    it('classificationAnswers on an incident update', async () => {
      const res = await t.http
        .patch(`/api/cases/${caseId}/incidents/${incidentId}`)
        .set(...bearer(who('caseworker')))
        .send({ classificationAnswers: null });
      expectField(res, 'classificationAnswers');
    });

    it("a hotline line's number", async () => {
      const res = await t.http
        .patch(`/api/hotline-lines/${DEMO_HOTLINE_LINES[0]?.id}`)
        .set(...bearer(who('admin')))
        .send({ number: null });
      expectField(res, 'number');
    });

    it("an agency's coverageCommuneCodes, on create and on update", async () => {
      const agency = {
        type: 'police',
        name: 'Công an phường (synthetic)',
        provinceCode: '48',
        services: ['police_protection'],
        coverageCommuneCodes: null,
      };
      expectField(
        await t.http
          .post('/api/agencies')
          .set(...bearer(who('admin')))
          .send(agency),
        'coverageCommuneCodes',
      );
      expectField(
        await t.http
          .patch(`/api/agencies/${DEMO_AGENCIES.police.id}`)
          .set(...bearer(who('admin')))
          .send({ coverageCommuneCodes: null }),
        'coverageCommuneCodes',
      );
    });

    it("a call's required fields on update", async () => {
      const call = await t.http
        .post('/api/calls')
        .set(...bearer(who('hotline_operator')))
        .send(callBody());
      const res = await t.http
        .patch(`/api/calls/${call.body.id}`)
        .set(...bearer(who('hotline_operator')))
        .send({ startedAt: null, channel: null });
      expectField(res, 'startedAt');
      expectField(res, 'channel');
    });
  });

  it('a badly encoded refresh cookie', async () => {
    const res = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', `${REFRESH_COOKIE_NAME}=%E0%A4%A`);
    expectField(res, REFRESH_COOKIE_NAME);
  });

  it('malformed UUIDs and badly encoded path segments', async () => {
    expectField(await t.http.get('/api/cases/not-a-uuid').set(...bearer(who('caseworker'))), 'id');
    const encoded = await t.http.get('/api/cases/%E0%A4%A').set(...bearer(who('caseworker')));
    expectField(encoded, 'path');
    expect(JSON.stringify(encoded.body)).not.toContain('%E0');
  });

  it('huge numbers', async () => {
    expectField(
      await t.http.get('/api/cases?limit=1e400').set(...bearer(who('caseworker'))),
      'limit',
    );
    const res = await t.http
      .post('/api/cases')
      .set(...bearer(who('caseworker')))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(openCaseBody()).replace('"sex":"female"', '"sex":"female","age":1e400'));
    expectField(res, 'survivor.age');
  });

  describe('invalid dates', () => {
    it('a date of birth that does not exist', async () => {
      const res = await t.http
        .post('/api/cases')
        .set(...bearer(who('caseworker')))
        .send(openCaseBody({ survivor: { dateOfBirth: '1990-02-30' } }));
      expectField(res, 'survivor.dateOfBirth');
    });

    it('instants in year 0 or past JavaScript dates', async () => {
      for (const occurredAt of [
        '0000-01-01T00:00:00Z',
        '-2024-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
      ]) {
        const res = await t.http
          .post(`/api/cases/${caseId}/incidents`)
          .set(...bearer(who('caseworker')))
          .send(incident({ occurredAt }));
        expectField(res, 'occurredAt');
      }
    });

    it('a holiday on 30 February', async () => {
      const res = await t.http
        .post('/api/holidays')
        .set(...bearer(who('admin')))
        .send({ date: '2026-02-30', kind: 'public_holiday', name: 'Synthetic' });
      expectField(res, 'date');
    });
  });
});
