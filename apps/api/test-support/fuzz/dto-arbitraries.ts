import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/** One class-validator rule on a field, by its registered name (`isString`, `isIn`, `maxLength`…). */
interface Rule {
  name: string;
  constraints: unknown[];
  each: boolean;
}

/** What the fuzz test knows of one DTO field: its rules, whether it may be left out, its nested DTO. */
export interface FieldModel {
  name: string;
  optional: boolean;
  rules: Rule[];
  nested: (new () => object) | null;
}

/** Fixture values that reach past "not found": ids of real records, in the fuzz test's own database. */
export interface FuzzContext {
  ids: readonly string[];
}

const OMIT = Symbol('omit');
type Maybe = unknown | typeof OMIT;

/** The fields of a DTO class (inherited ones and those copied by PartialType/OmitType included). */
export function fieldsOf(dto: new () => object): FieldModel[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
  const byName = new Map<string, FieldModel>();
  for (const m of metadata) {
    const field = byName.get(m.propertyName) ?? {
      name: m.propertyName,
      optional: false,
      rules: [],
      nested: null,
    };
    byName.set(m.propertyName, field);
    if (m.type === 'conditionalValidation') field.optional = true;
    else if (m.type === 'nestedValidation') {
      const typeMeta = defaultMetadataStorage.findTypeMetadata(dto, m.propertyName);
      field.nested = (typeMeta?.typeFunction() as (new () => object) | undefined) ?? null;
    } else if (m.name) {
      field.rules.push({ name: m.name, constraints: m.constraints ?? [], each: m.each });
    }
  }
  return [...byName.values()];
}

/** Values no DTO field should ever turn into a 500: wrong types, NUL bytes, absurd numbers and dates. */
export const NASTY_VALUES: readonly unknown[] = [
  null,
  '',
  ' ',
  '\u0000',
  'x\u0000y',
  '\\u0000',
  -1,
  0,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  true,
  false,
  [],
  [null],
  [[]],
  {},
  { a: 1 },
  { __proto__: { polluted: true } },
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '2024-13-45',
  '2024-02-30',
  '0000-01-01',
  '9999-12-31',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2024-02-30T10:00:00Z',
  '99999-01-01',
  'NaN',
  'Infinity',
  '1e400',
  '%',
  '%00',
  '\ud800',
  '🙂',
  "' OR '1'='1",
  '__proto__',
  'x'.repeat(5000),
];

const nasty = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_VALUES), weight: 6 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 1 },
);

/** An invalid calendar date in a valid-looking format: month 13, day 0, year 0 or 5 digits. */
const badCalendarDate = fc
  .tuple(
    fc.constantFrom(0, 1, 1899, 2024, 9999, 10000, 275761),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function rule(field: FieldModel, name: string): Rule | undefined {
  return field.rules.find((r) => r.name === name);
}

function num(field: FieldModel, name: string): number | undefined {
  const value = rule(field, name)?.constraints[0];
  return typeof value === 'number' ? value : undefined;
}

/**
 * A value the field's decorators (probably) accept, biased to the edges the service then meets:
 * empty strings, NUL bytes inside valid strings, far dates, ids of nothing, unbounded integers.
 */
function scalarArb(field: FieldModel, ctx: FuzzContext, element: boolean): fc.Arbitrary<unknown> {
  const has = (name: string) => field.rules.some((r) => r.name === name && r.each === element);
  const isIn = field.rules.find((r) => r.name === 'isIn' && r.each === element);
  if (isIn) {
    const values = isIn.constraints[0] as unknown[];
    return fc.oneof(
      { arbitrary: fc.constantFrom(...values), weight: 9 },
      { arbitrary: fc.constantFrom(...values).map((v) => `${String(v)}\u0000`), weight: 1 },
    );
  }
  if (has('isUuid')) {
    return fc.oneof(
      { arbitrary: ctx.ids.length ? fc.constantFrom(...ctx.ids) : fc.uuid(), weight: 6 },
      { arbitrary: fc.uuid(), weight: 2 },
      { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 },
      { arbitrary: fc.constant('00000000-0000-0000-0000-000000000000'), weight: 1 },
    );
  }
  if (has('isIso8601') || has('isInstant')) {
    return fc.oneof(
      {
        arbitrary: fc
          .date({ min: new Date('2020-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        weight: 8,
      },
      {
        arbitrary: fc.constantFrom(
          '0001-01-01T00:00:00Z',
          '0000-01-01T00:00:00Z',
          '9999-12-31T23:59:59Z',
          '2024-02-29T10:00:00+07:00',
          '2024-06-01',
          '2024-06-01T10:00:00',
        ),
        weight: 2,
      },
    );
  }
  if (has('isCalendarDate')) {
    return fc.oneof(
      {
        arbitrary: fc
          .date({ min: new Date('2020-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        weight: 8,
      },
      { arbitrary: badCalendarDate, weight: 2 },
    );
  }
  const matches = field.rules.find((r) => r.name === 'matches' && r.each === element);
  if (matches) {
    const pattern = matches.constraints[0] as RegExp | string;
    const regex = typeof pattern === 'string' ? new RegExp(pattern) : pattern;
    return fc.oneof(
      { arbitrary: fc.stringMatching(regex, { size: 'xsmall' }), weight: 7 },
      { arbitrary: badCalendarDate, weight: 3 },
    );
  }
  if (has('isEmail')) return fc.constantFrom('someone@example.org', 'a@b.co');
  if (has('isBoolean')) return fc.boolean();
  if (has('isInt') || has('isNumber')) {
    const min = num(field, 'min');
    const max = num(field, 'max');
    return fc.oneof(
      { arbitrary: fc.integer({ min: min ?? -1000, max: max ?? 1000 }), weight: 6 },
      {
        arbitrary: fc.constantFrom(
          min ?? -(2 ** 31) - 1,
          max ?? 2 ** 31,
          max ?? Number.MAX_SAFE_INTEGER,
        ),
        weight: 1,
      },
    );
  }
  if (has('isObject')) {
    return fc.oneof(
      {
        arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), fc.boolean(), { maxKeys: 4 }),
        weight: 6,
      },
      { arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 3 }), weight: 3 },
      { arbitrary: fc.constant({ '\u0000': true }), weight: 1 },
    );
  }
  const maxLength = Math.min(num(field, 'maxLength') ?? 60, 60);
  const minLength = Math.min(num(field, 'minLength') ?? (has('isNotEmpty') ? 1 : 0), maxLength);
  return fc.oneof(
    { arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }), weight: 6 },
    {
      arbitrary: fc.constantFrom('', ' ', '\u0000', 'Nguyễn Thị\u0000A', '%', '\ud800'),
      weight: 3,
    },
    { arbitrary: fc.constant('x'.repeat(num(field, 'maxLength') ?? 5000)), weight: 1 },
  );
}

function arrayArb(field: FieldModel, item: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> {
  const minLength = num(field, 'arrayMinSize') ?? 0;
  const maxLength = Math.max(minLength, Math.min(num(field, 'arrayMaxSize') ?? 4, 4));
  return rule(field, 'arrayUnique')
    ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength, maxLength });
}

/** A plausible value for one field (see scalarArb), recursing into nested DTOs. */
function plausibleArb(field: FieldModel, ctx: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  const isArray = Boolean(rule(field, 'isArray'));
  if (field.nested) {
    const inner = depth > 4 ? fc.constant({}) : dtoArb(field.nested, ctx, depth + 1);
    return isArray ? arrayArb(field, inner) : inner;
  }
  if (isArray) return arrayArb(field, scalarArb(field, ctx, true));
  return scalarArb(field, ctx, false);
}

/** A malformed value for the field: a nasty value, or a broken form of its own kind. */
function malformedArb(field: FieldModel, ctx: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: nasty, weight: 4 },
    {
      arbitrary: plausibleArb(field, ctx, depth).map((v) => (Array.isArray(v) ? v : [v])),
      weight: 1,
    },
    { arbitrary: fc.array(nasty, { maxLength: 3 }), weight: 1 },
  );
}

/**
 * A body for the DTO: each field plausible (most often), malformed, null or left out, so most
 * bodies get past validation with one or two odd values, which is where 500s hide.
 */
export function dtoArb(
  dto: new () => object,
  ctx: FuzzContext,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsOf(dto);
  const entries = fields.map((field) =>
    fc.oneof(
      { arbitrary: plausibleArb(field, ctx, depth), weight: 14 },
      { arbitrary: malformedArb(field, ctx, depth), weight: 2 },
      { arbitrary: fc.constant<Maybe>(null), weight: 1 },
      { arbitrary: fc.constant<Maybe>(OMIT), weight: field.optional ? 4 : 1 },
    ),
  );
  return fc.tuple(...entries).map((values) => {
    const body: Record<string, unknown> = {};
    values.forEach((value, i) => {
      if (value !== OMIT) body[(fields[i] as FieldModel).name] = value;
    });
    return body;
  });
}

/** JSON nested `depth` levels deep, as text (built without recursion). */
export function deeplyNested(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

/** Whole-body malformations: not an object, nested too deep, an unknown field, a foreign property. */
export function malformedBodyArb(
  valid: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>([], null, 'text', 42, true, {}, [{}]),
    valid.map((b) => [b]),
    valid.map((b) => ({ ...b, notAField: 1 })),
    valid.map((b) => ({ ...b, constructor: { prototype: { polluted: true } } })),
    fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 4 }),
  );
}
