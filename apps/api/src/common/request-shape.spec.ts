import { MAX_BODY_DEPTH, findMalformedInput } from './request-shape';

describe('findMalformedInput', () => {
  it('passes ordinary bodies, Vietnamese text and empty values', () => {
    expect(findMalformedInput({ a: 'Nguyễn Thị Ánh', b: [1, { c: null }], d: '' }, 'body')).toBe(
      null,
    );
    expect(findMalformedInput(undefined, 'body')).toBe(null);
  });

  it('names the field holding a NUL character, however deep', () => {
    expect(findMalformedInput({ survivor: { fullName: 'a\u0000b' } }, 'body')).toMatchObject({
      field: 'survivor.fullName',
      code: 'nul_character',
    });
    expect(findMalformedInput({ referrals: [{}, { reason: '\u0000' }] }, 'body')).toMatchObject({
      field: 'referrals.1.reason',
    });
    expect(findMalformedInput({ q: 'x\u0000' }, 'query')?.field).toBe('q');
    expect(findMalformedInput('\u0000', 'body')?.field).toBe('body');
  });

  it('names a key holding a NUL character without the character itself', () => {
    const problem = findMalformedInput({ answers: { 'a\u0000b': true } }, 'body');
    expect(problem?.field).toBe('answers.a\\0b');
    expect(problem?.message).not.toContain('\u0000');
  });

  it(`refuses nesting deeper than ${MAX_BODY_DEPTH} levels, without recursing`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] };
    expect(findMalformedInput(deep, 'body')).toMatchObject({ field: 'body', code: 'too_deep' });
    let fine: unknown = 1;
    for (let i = 0; i < MAX_BODY_DEPTH - 1; i++) fine = { a: fine };
    expect(findMalformedInput(fine, 'body')).toBe(null);
  });
});
