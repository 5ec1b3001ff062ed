import { ValidationError } from 'class-validator';
import { toFieldErrors } from './validation';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('toFieldErrors', () => {
  it('gives one entry per field and rule, with nested paths', () => {
    const errors = [
      error('username', { isNotEmpty: 'username should not be empty' }),
      error('address', {}, [error('commune', { isString: 'commune must be a string' })]),
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'username', code: 'isNotEmpty', message: 'username should not be empty' },
      { field: 'address.commune', code: 'isString', message: 'commune must be a string' },
    ]);
  });
});
