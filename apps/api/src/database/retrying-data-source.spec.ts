import { TRANSACTION_ATTEMPTS, retryingTransaction } from './retrying-data-source';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('retryingTransaction', () => {
  it('runs again a transaction PostgreSQL aborted as a deadlock victim', async () => {
    let calls = 0;
    const result = await retryingTransaction(async () => {
      calls++;
      if (calls < TRANSACTION_ATTEMPTS) throw deadlock();
      return 'done';
    });
    expect({ result, calls }).toEqual({ result: 'done', calls: TRANSACTION_ATTEMPTS });
  });

  it(`gives up after ${TRANSACTION_ATTEMPTS} attempts and throws the last error`, async () => {
    let calls = 0;
    await expect(
      retryingTransaction(async () => {
        calls++;
        throw deadlock();
      }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(calls).toBe(TRANSACTION_ATTEMPTS);
  });

  it('never repeats a transaction that failed for another reason', async () => {
    let calls = 0;
    await expect(
      retryingTransaction(async () => {
        calls++;
        throw Object.assign(new Error('duplicate'), { code: '23505' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);
  });
});
