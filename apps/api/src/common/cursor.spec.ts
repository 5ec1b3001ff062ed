import { HttpException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './cursor';

const ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000101';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof HttpException ? error.getResponse() : error;
  }
  return null;
}

describe('decodeCursor', () => {
  const schema = { openedAt: 'instant', id: 'uuid' } as const;

  it('reads back what encodeCursor wrote', () => {
    const key = { openedAt: '2026-03-01T10:00:00.000Z', id: ID };
    expect(decodeCursor(encodeCursor(key), schema)).toEqual(key);
    expect(decodeCursor(undefined, schema)).toBe(null);
    expect(decodeCursor(encodeCursor({ id: '42' }), { id: 'bigint' })).toEqual({ id: '42' });
  });

  it.each([
    ['a word for a time', { openedAt: 'yesterday', id: ID }],
    ['a number', { openedAt: 12, id: ID }],
    ['an id that is no UUID', { openedAt: '2026-03-01T10:00:00.000Z', id: 'x' }],
    ['year 0', { openedAt: '0000-01-01T00:00:00.000Z', id: ID }],
    ['an operator object', { openedAt: { $gt: '' }, id: ID }],
    ['a missing key', { id: ID }],
    ['an array', [1, 2]],
  ])('refuses %s with a 400 naming after', (_label, value) => {
    expect(refusal(() => decodeCursor(raw(value), schema))).toMatchObject({
      statusCode: 400,
      errors: [{ field: 'after', code: 'invalid_cursor' }],
    });
  });

  it('refuses a NUL character in a text key and a non-numeric bigint', () => {
    expect(refusal(() => decodeCursor(raw({ name: 'a\u0000' }), { name: 'text' }))).toMatchObject({
      statusCode: 400,
    });
    expect(refusal(() => decodeCursor(raw({ id: '1e3' }), { id: 'bigint' }))).toMatchObject({
      statusCode: 400,
    });
    expect(refusal(() => decodeCursor('%%%', { id: 'bigint' }))).toMatchObject({
      statusCode: 400,
    });
  });
});
