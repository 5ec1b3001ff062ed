import { createTestApp } from '../../../test-support/test-app';

describe('GET /api/health', () => {
  it('is 200 with both dependencies up', async () => {
    const t = await createTestApp();
    try {
      const res = await t.http.get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', details: { database: 'up', redis: 'up' } });
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
      expect(res.body).toEqual({ status: 'error', details: { database: 'up', redis: 'down' } });
    } finally {
      await t.close();
    }
  });
});
