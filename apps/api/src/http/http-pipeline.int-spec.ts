import type { TestApp } from '../../test-support/test-app';
import { createTestApp } from '../../test-support/test-app';
import { bearer, signedIn } from '../../test-support/factories';
import { serializeError } from '../logging';
import { withOwnerClient } from '../../test-support/test-database';

describe('HTTP pipeline', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: '2kb' });
  });
  afterAll(() => t.close());

  it('marks API responses no-store, sets security headers and a request id', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Never cached, so no validator: hashing every body for an ETag is wasted work (issue 14).
    expect(res.headers['etag']).toBeUndefined();
  });

  it('echoes a well-formed incoming request id and puts it on error bodies', async () => {
    const res = await t.http.get('/api/users').set('X-Request-Id', 'trace-12345678');
    expect(res.status).toBe(401);
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.body.requestId).toBe('trace-12345678');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/JSON/);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: 'x'.repeat(5000), password: 'y' });
    expect(res.status).toBe(413);
  });

  it('answers an unknown API route with 404 for a signed-in user', async () => {
    const s = await signedIn(t, 'caseworker');
    expect((await t.http.get('/api/nothing-here').set(...bearer(s))).status).toBe(404);
  });

  it('publishes the OpenAPI description', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/agencies']),
    );
    expect((await t.http.get('/api/docs')).status).toBe(200);
  });

  it('hides internals of a server error behind a request id', async () => {
    // Break the database for one request (as the owner: the app's role cannot): the body must carry
    // only the request id.
    const s = await signedIn(t, 'admin');
    await withOwnerClient((c) => c.query('ALTER TABLE agencies RENAME TO agencies_away'));
    try {
      const res = await t.http.get('/api/agencies').set(...bearer(s));
      expect(res.status).toBe(500);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
      expect(JSON.stringify(res.body)).not.toMatch(/agencies|select|relation/i);
    } finally {
      await withOwnerClient((c) => c.query('ALTER TABLE agencies_away RENAME TO agencies'));
    }
  });

  it('logs a failed SQL statement by its shape, never the values bound to it or quoted by PostgreSQL', async () => {
    const name = 'Nguyễn Thị Giả Định';
    const failures = [
      () => t.dataSource.query('SELECT $1::uuid AS id', [name]),
      () => t.dataSource.query('SELECT $1::int + $2::int AS n', ['0912 345 678', 1]),
      () =>
        t.dataSource.query(
          "INSERT INTO agencies (type, name, province_code) VALUES ('police', $1, $2)",
          [name, 'no such province'],
        ),
    ];
    for (const failure of failures) {
      const error = await failure().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      const logged = JSON.stringify(serializeError(error));
      expect(logged).not.toContain('Giả Định');
      expect(logged).not.toContain('0912 345 678');
      expect(logged).not.toContain('no such province');
      expect(JSON.parse(logged)).toMatchObject({
        type: 'QueryFailedError',
        query: expect.stringMatching(/\$1/),
      });
      expect(JSON.parse(logged).code).toMatch(/^[0-9A-Z]{5}$/);
    }
    // Any other error still logs with its message.
    expect(serializeError(new Error('plain failure'))).toMatchObject({ message: 'plain failure' });
  });
});
