import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import {
  IsCalendarDate,
  IsEmailAddress,
  IsInstant,
  IsOmittable,
  NestedArray,
  NestedObject,
} from './dto-decorators';
import { VALIDATION_OPTIONS } from './validation';

class Inner {
  @IsString()
  name!: string;
}

class Outer {
  @NestedObject(() => Inner)
  required!: Inner;

  @NestedObject(() => Inner, { optional: true })
  optional?: Inner;

  @NestedObject(() => Inner, { nullable: true })
  nullable?: Inner | null;

  @IsOmittable()
  @NestedArray(() => Inner)
  list?: Inner[];

  @IsOmittable()
  @IsCalendarDate()
  day?: string;

  @IsOmittable()
  @IsInstant()
  at?: string;

  @IsOmittable()
  @IsEmailAddress()
  email?: string;
}

/** The fields validation refuses, with the global pipe's options. */
function refused(body: Record<string, unknown>): string[] {
  return validateSync(plainToInstance(Outer, body), VALIDATION_OPTIONS).map((e) => e.property);
}

const ok = { required: { name: 'a' } };

describe('DTO decorators', () => {
  it('accept a valid body, and null where a field is nullable', () => {
    expect(refused(ok)).toEqual([]);
    expect(refused({ ...ok, nullable: null, list: [{ name: 'b' }], day: '2024-02-29' })).toEqual(
      [],
    );
    expect(refused({ ...ok, at: '2026-03-01T10:00:00+07:00' })).toEqual([]);
    expect(refused({ ...ok, email: 'nguyen.thi.a@example.vn' })).toEqual([]);
  });

  it.each([
    ['a missing required object', {}, 'required'],
    ['null for a required object', { required: null }, 'required'],
    ['an array for an object', { required: [] }, 'required'],
    ['null for an optional object', { ...ok, optional: null }, 'optional'],
    ['an array inside a list of objects', { ...ok, list: [[]] }, 'list'],
    ['null for a list', { ...ok, list: null }, 'list'],
    ['30 February', { ...ok, day: '2026-02-30' }, 'day'],
    ['year 0', { ...ok, day: '0000-01-01' }, 'day'],
    ['an instant in year 0', { ...ok, at: '0000-01-01T00:00:00Z' }, 'at'],
    ['an instant JavaScript cannot read', { ...ok, at: '-2024-01-01T00:00:00Z' }, 'at'],
    ['an instant in 9999', { ...ok, at: '9999-12-31T23:59:59Z' }, 'at'],
    ['an email that is not one', { ...ok, email: 'nobody' }, 'email'],
    // validator's isEmail throws a URIError on a lone surrogate: refused, not a 500.
    ['an email with a lone surrogate', { ...ok, email: 'a\uD800@example.vn' }, 'email'],
  ])('refuse %s', (_label, body, field) => {
    expect(refused(body)).toEqual([field]);
  });
});
