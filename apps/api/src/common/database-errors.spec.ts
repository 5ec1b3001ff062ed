import { httpErrorForDatabase, isRetryableTransactionError } from './database-errors';

const pg = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error('query failed'), { code, ...extra });

describe('httpErrorForDatabase', () => {
  it('answers a deadlock or serialization failure 409, and only those are retryable', () => {
    for (const code of ['40P01', '40001']) {
      expect(httpErrorForDatabase(pg(code))?.getStatus()).toBe(409);
      expect(isRetryableTransactionError(pg(code))).toBe(true);
    }
    expect(isRetryableTransactionError(pg('23505'))).toBe(false);
    expect(isRetryableTransactionError(new Error('plain'))).toBe(false);
  });

  it('names the column of a duplicate or a missing reference, never the value', () => {
    const dup = httpErrorForDatabase(
      pg('23505', { detail: 'Key (username)=(nguyen.van.a) already exists.' }),
    );
    expect(dup?.getStatus()).toBe(409);
    expect(dup?.getResponse()).toMatchObject({ errors: [{ field: 'username' }] });
    expect(JSON.stringify(dup?.getResponse())).not.toContain('nguyen');

    const missing = httpErrorForDatabase(
      pg('23503', { detail: 'Key (agency_id)=(6b0c5a3e) is not present in table "agencies".' }),
    );
    expect(missing?.getStatus()).toBe(400);
    expect(missing?.getResponse()).toMatchObject({
      errors: [{ field: 'agencyId', code: 'not_found' }],
    });
    expect(
      httpErrorForDatabase(
        pg('23503', { detail: 'Key (id)=(1) is still referenced from table "cases".' }),
      )?.getStatus(),
    ).toBe(409);
  });

  it('answers a data exception (bad text, NUL byte, out of range) 400', () => {
    for (const code of ['22P02', '22021', '22003', '22008', '22001']) {
      expect(httpErrorForDatabase(pg(code))?.getStatus()).toBe(400);
    }
  });

  it('leaves every other error alone (a 500)', () => {
    expect(httpErrorForDatabase(pg('42P01'))).toBe(null);
    expect(httpErrorForDatabase(new TypeError('x'))).toBe(null);
    expect(httpErrorForDatabase(null)).toBe(null);
  });
});
