import { createTestApp } from '../../../test-support/test-app';

describe('GET /api/health', () => {
  it('is 200 with both dependencies up', async () => {
    const t = await createTestApp();
    try {
      const res = await t.http.get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', details: { database: 'up', redis: 'up' } });
      expect(res.body.details.overdueUnfiredStages).toEqual(expect.any(Number));
      expect(res.body.details.queues.deadlines).toEqual(
        expect.objectContaining({ waiting: expect.any(Number), delayed: expect.any(Number) }),
      );
    } finally {
      await t.close();
    }
  });

  it('is 503 naming Redis when Redis cannot be reached', async () => {
    // A port nothing listens on: the same as Redis being down.
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:6399' });
    try {
      const res = await t.http.get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        status: 'error',
        details: { database: 'up', redis: 'down' },
      });
      expect(res.body.details.queues).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
