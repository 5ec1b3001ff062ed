import type { ApiErrorBody } from '@caunoi/shared/contracts';
import { FieldErrorException } from '../../common/api-errors';
import { assertCurrentVersion, nextVersion } from './versioned-record';

/** The refusal a call throws, as the API answers it (null when it does not throw). */
function refusal(call: () => unknown): { status: number; field?: string; code?: string } | null {
  try {
    call();
    return null;
  } catch (error) {
    if (!(error instanceof FieldErrorException)) throw error;
    const body = error.getResponse() as ApiErrorBody;
    const [first] = body.errors ?? [];
    return { status: error.getStatus(), field: first?.field, code: first?.code };
  }
}

describe('versions: a save made from an older version never overwrites a newer one', () => {
  describe('assertCurrentVersion (a record corrected in place)', () => {
    it.each([
      [1, 1, null],
      [7, 7, null],
      [2, 1, { status: 409, field: 'version', code: 'stale_version' }],
      // A version from the future is as wrong as an old one: nobody saw that version.
      [2, 3, { status: 409, field: 'version', code: 'stale_version' }],
    ])('on file %i, edited from %i → %j', (current, given, expected) => {
      expect(refusal(() => assertCurrentVersion(current, given))).toEqual(expected);
    });
  });

  describe('nextVersion (a record saved as versions)', () => {
    it.each([
      [null, null, 1],
      [null, undefined, 1],
      [{ version: 3 }, 3, 4],
    ])('latest %j, edited from %j → version %i', (latest, base, expected) => {
      expect(nextVersion(latest, base)).toBe(expected);
    });

    it.each([
      [{ version: 3 }, 2],
      [{ version: 3 }, null],
      [null, 1],
    ])('latest %j, edited from %j → 409 on baseVersion', (latest, base) => {
      expect(refusal(() => nextVersion(latest, base))).toEqual({
        status: 409,
        field: 'baseVersion',
        code: 'stale_version',
      });
    });
  });
});
