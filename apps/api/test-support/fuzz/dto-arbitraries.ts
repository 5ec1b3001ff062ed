import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, validateSync } from 'class-validator';
import { findMalformedInput } from '../../src/common/request-shape';
import { VALIDATION_OPTIONS } from '../../src/common/validation';

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
  /**
   * Real values by field name (`communeCode`, `agencyId`…), preferred for any DTO field of that
   * name, so generated bodies also pass the service's own checks and reach deeper.
   */
  known: Readonly<Record<string, readonly unknown[]>>;
  /** A valid body per DTO class, the base the sweep mutates field by field (else one is generated). */
  examples: ReadonlyMap<new () => object, () => Record<string, unknown>>;
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
  if (has('invalid_date')) {
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
    { arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }), weight: 8 },
    { arbitrary: fc.constantFrom('', ' ', 'Nguyễn Thị Ánh', '%', '\ud800', "'; --"), weight: 2 },
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
  const known = ctx.known[field.name];
  if (known?.length) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...known), weight: 4 },
      { arbitrary: generatedArb(field, ctx, depth), weight: 1 },
    );
  }
  return generatedArb(field, ctx, depth);
}

function generatedArb(field: FieldModel, ctx: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  const isArray = Boolean(rule(field, 'isArray'));
  if (field.nested) {
    const inner = depth > 4 ? fc.constant({}) : plausibleDtoArb(field.nested, ctx, depth + 1);
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
 * What one field is replaced by when a body is mutated: left out, null, an empty array or object,
 * an empty string, a malformed value, or (for a nested DTO) a nested body mutated in turn.
 */
function mutationArb(field: FieldModel, ctx: FuzzContext, depth: number): fc.Arbitrary<Maybe> {
  const nested =
    field.nested && depth <= 4
      ? [
          {
            arbitrary: dtoArb(field.nested, ctx, depth + 1).map((v): unknown =>
              rule(field, 'isArray') ? [v] : v,
            ),
            weight: 4,
          },
        ]
      : [];
  return fc.oneof(
    { arbitrary: fc.constantFrom<Maybe>(OMIT, null, [], {}, ''), weight: 4 },
    { arbitrary: malformedArb(field, ctx, depth), weight: 3 },
    ...nested,
  );
}

function toBody(fields: FieldModel[], values: Maybe[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  values.forEach((value, i) => {
    if (value !== OMIT) body[(fields[i] as FieldModel).name] = value;
  });
  return body;
}

/** Every field plausible; optional ones sometimes left out. */
export function plausibleDtoArb(
  dto: new () => object,
  ctx: FuzzContext,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsOf(dto);
  const entries = fields.map((field) =>
    field.optional
      ? fc.oneof(
          { arbitrary: plausibleArb(field, ctx, depth), weight: 3 },
          { arbitrary: fc.constant<Maybe>(OMIT), weight: 1 },
        )
      : plausibleArb(field, ctx, depth),
  );
  return fc.tuple(...entries).map((values) => toBody(fields, values));
}

/**
 * A body for the DTO, most often plausible with exactly one field mutated (so validation judges
 * that field alone, and a value it wrongly lets through reaches the service), sometimes plausible
 * throughout, sometimes with any field plausible, malformed, null or left out.
 */
export function dtoArb(
  dto: new () => object,
  ctx: FuzzContext,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsOf(dto);
  const plausible = plausibleDtoArb(dto, ctx, depth);
  if (fields.length === 0) return plausible;
  const oneOff = fc.tuple(plausible, fc.nat(fields.length - 1)).chain(([body, index]) => {
    const field = fields[index] as FieldModel;
    return mutationArb(field, ctx, depth).map((value) => {
      const copy = { ...body };
      if (value === OMIT) delete copy[field.name];
      else copy[field.name] = value;
      return copy;
    });
  });
  const anyOff = fc
    .tuple(
      ...fields.map((field) =>
        fc.oneof(
          { arbitrary: plausibleArb(field, ctx, depth), weight: 6 },
          { arbitrary: mutationArb(field, ctx, depth), weight: 1 },
        ),
      ),
    )
    .map((values) => toBody(fields, values));
  return fc.oneof(
    { arbitrary: oneOff, weight: 6 },
    { arbitrary: plausible, weight: 3 },
    { arbitrary: anyOff, weight: 1 },
  );
}

/**
 * Whether the API's validation (the request-shape middleware and the global ValidationPipe, with
 * the same options) lets the body through to the handler. Checked in process, so the fuzz test
 * spends its HTTP requests mostly on bodies that reach the service.
 */
export function passesValidation(dto: new () => object, body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  if (findMalformedInput(body, 'body')) return false;
  const instance = plainToInstance(dto, body, VALIDATION_OPTIONS.transformOptions);
  return validateSync(instance as object, VALIDATION_OPTIONS).length === 0;
}

/** Values each field is set to, one at a time, by the systematic sweep of every DTO field. */
export const SWEEP_VALUES: readonly unknown[] = [
  OMIT,
  null,
  [],
  [[]],
  {},
  '',
  0,
  -1,
  2 ** 31,
  true,
  '0000-01-01T00:00:00Z',
  '2024-02-30',
];

/**
 * A valid body and every variant of it with one field (top level, or one level down in a nested
 * DTO) set to one of SWEEP_VALUES: the "missing, null or of the wrong shape" table, for every DTO.
 */
export function sweepVariants(
  dto: new () => object,
  ctx: FuzzContext,
  seed: number,
): { base: Record<string, unknown>; variants: { field: string; body: Record<string, unknown> }[] } {
  const example = ctx.examples.get(dto)?.();
  const samples = example ? [] : fc.sample(plausibleDtoArb(dto, ctx, 0), { seed, numRuns: 200 });
  const base = example ?? samples.find((b) => passesValidation(dto, b)) ?? samples[0] ?? {};
  const variants: { field: string; body: Record<string, unknown> }[] = [];
  for (const field of fieldsOf(dto)) {
    for (const value of SWEEP_VALUES) {
      variants.push({ field: field.name, body: withField(base, [field.name], value) });
    }
    const inner = base[field.name];
    const element = Array.isArray(inner) ? inner[0] : inner;
    if (!field.nested || typeof element !== 'object' || element === null) continue;
    const prefix = Array.isArray(inner) ? [field.name, '0'] : [field.name];
    for (const nestedField of fieldsOf(field.nested)) {
      for (const value of SWEEP_VALUES) {
        variants.push({
          field: [...prefix, nestedField.name].join('.'),
          body: withField(base, [...prefix, nestedField.name], value),
        });
      }
    }
  }
  return { base, variants };
}

/** A deep copy of `body` with the value at `path` replaced (or removed, for OMIT). */
function withField(
  body: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  if (value === OMIT) delete target[last];
  else target[last] = value;
  return copy;
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
