import { randomUUID as randomUuid } from 'node:crypto';
import fc from 'fast-check';
import type { Response } from 'supertest';
import type { Role } from '@caunoi/shared/domain';
import { REFRESH_COOKIE_NAME } from '@caunoi/shared/contracts';
import type { TestApp } from '../../test-support/test-app';
import { createTestApp } from '../../test-support/test-app';
import type { ScratchDatabase } from '../../test-support/test-database';
import { createScratchDatabase, migrateTestDatabase } from '../../test-support/test-database';
import type { Caller, RouteSpec } from '../../test-support/fuzz/route-catalogue';
import { discoverRoutes, servedRoutes } from '../../test-support/fuzz/route-catalogue';
import type { FuzzContext } from '../../test-support/fuzz/dto-arbitraries';
import {
  NASTY_VALUES,
  deeplyNested,
  dtoArb,
  fieldsOf,
  malformedBodyArb,
  passesValidation,
  sweepVariants,
} from '../../test-support/fuzz/dto-arbitraries';
import type { FuzzWorld } from '../../test-support/fuzz/fuzz-world';
import { buildFuzzWorld } from '../../test-support/fuzz/fuzz-world';
import { fuzzSettings } from '../../test-support/test-env';

/**
 * "4xx, never 5xx": every route Nest serves, as every role its guard lets through, gets seeded
 * random requests: bodies from its DTO with odd values, wrong types, NUL bytes, missing and null
 * fields, non-object and deeply nested bodies, broken path parameters, cursors and cookies.
 * Routes are discovered from Nest's metadata, so a new endpoint is covered without editing this
 * file (docs/development.md). Replay a failure with FUZZ_SEED=<seed printed>.
 */
const { seed: SEED, runsPerRoute: RUNS_PER_ROUTE } = fuzzSettings();
/** Each role that may call a route gets at least this many of its RUNS_PER_ROUTE requests. */
const MIN_PER_CALLER = 3;
/** Bodies generated per request, validated in process, to pick one that reaches the service. */
const CANDIDATES = 12;
/** Routes Express answers that are not Nest controllers (the OpenAPI page) and take no input. */
const NOT_CONTROLLERS = /^GET \/api\/docs/;
/** Time for one of the two fuzzing tests; a longer exploration (FUZZ_RUNS_PER_ROUTE) gets more. */
const TIMEOUT_MS = Math.max(240_000, RUNS_PER_ROUTE * 15_000);

interface FuzzRequest {
  params: Record<string, string>;
  query: string;
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown }
    | { kind: 'raw'; contentType: string; text: string };
  cookie: string | null;
}

describe('malformed requests: 4xx, never 5xx (fuzz, every route)', () => {
  let db: ScratchDatabase;
  let t: TestApp;
  let world: FuzzWorld;
  let routes: RouteSpec[];
  const cursors: Record<string, unknown>[] = [];

  beforeAll(async () => {
    // A database of its own: the fuzzed requests leave odd (valid) records everywhere.
    db = await createScratchDatabase('fuzz');
    await migrateTestDatabase(db);
    t = await createTestApp(db.env);
    world = await buildFuzzWorld(t);
    routes = discoverRoutes(t.app);
    await harvestCursors();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('discovers every route Express serves, and someone may call each', () => {
    const discovered = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const served = servedRoutes(t.app).filter((r) => !NOT_CONTROLLERS.test(r));
    expect(served.filter((r) => !discovered.has(r))).toEqual([]);
    expect(routes.length).toBeGreaterThan(70);
    expect(routes.filter((r) => r.callers.length === 0).map((r) => r.handler)).toEqual([]);
  });

  it(
    'answers every malformed request with a 4xx naming the field, never a 5xx',
    async () => {
      const failures: string[] = [];
      const counts = new Map<string, number>();
      for (const route of routes) {
        const arb = requestArb(route);
        const perCaller = Math.max(
          MIN_PER_CALLER,
          Math.ceil(RUNS_PER_ROUTE / route.callers.length),
        );
        for (const caller of route.callers) {
          const key = `${route.method} ${route.path} as ${caller}`;
          const details = await fc.check(
            fc.asyncProperty(arb, async (req) => {
              const res = await send(route, caller, req);
              counts.set(key, (counts.get(key) ?? 0) + 1);
              const problem = problemWith(res);
              if (problem) throw new Error(problem);
            }),
            { seed: SEED ^ hash(key), numRuns: perCaller, interruptAfterTimeLimit: 20_000 },
          );
          if (details.failed) {
            failures.push(
              `${key}: ${details.errorInstance instanceof Error ? details.errorInstance.message : ''}\n` +
                `  request: ${describeRequest(details.counterexample?.[0] as FuzzRequest)}\n` +
                `  replay: FUZZ_SEED=${SEED} (property seed ${details.seed}, path ${details.counterexamplePath})`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
      // Every route, as every caller, was really exercised.
      const missing = routes.flatMap((r) =>
        r.callers
          .map((c) => `${r.method} ${r.path} as ${c}`)
          .filter((key) => (counts.get(key) ?? 0) < MIN_PER_CALLER),
      );
      expect(missing).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'answers every DTO field left out, null or of the wrong shape (a table, each field in turn) with a 4xx',
    async () => {
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.body)) {
        const dto = route.body as new () => object;
        const { variants } = sweepVariants(dto, ctx(), SEED ^ hash(route.handler));
        // Variants validation refuses are a guaranteed 400 from the global pipe: only the others are sent.
        const reaching = variants.filter((v) => passesValidation(dto, v.body));
        const params = Object.fromEntries(
          route.paramNames.map((n) => [n, world.paramValues(route.path, n)[0] ?? randomUuid()]),
        );
        // Every variant as every caller; a route open to many roles (the password screen) lets them
        // take turns, and the random requests cover each of them fully.
        for (const [i, variant] of reaching.entries()) {
          const callers =
            route.callers.length <= 3
              ? route.callers
              : [route.callers[i % route.callers.length] as Caller];
          for (const caller of callers) {
            const res = await send(route, caller, {
              params,
              query: '',
              body: { kind: 'json', value: variant.body },
              cookie: null,
            });
            const problem = problemWith(res);
            if (problem) {
              failures.push(
                `${route.method} ${route.path} as ${caller}, ${variant.field}: ${problem}\n  body: ${truncate(JSON.stringify(variant.body))}`,
              );
            }
          }
        }
      }
      expect(failures).toEqual([]);
    },
    TIMEOUT_MS,
  );

  /** What is wrong with an answer, or null: a 5xx, a rate limit (the fuzz would test nothing), a 400 naming no field. */
  function problemWith(res: Response): string | null {
    if (res.status >= 500) return `answered ${res.status} ${JSON.stringify(res.body)}`;
    if (res.status === 429) return 'rate-limited: run the fuzz test with the rate limits raised';
    if (res.status === 400) {
      const errors = (res.body as { errors?: { field?: unknown; code?: unknown }[] }).errors;
      const named =
        Array.isArray(errors) &&
        errors.length > 0 &&
        errors.every(
          (e) => typeof e.field === 'string' && e.field !== '' && typeof e.code === 'string',
        );
      if (!named) return `400 without a named field: ${JSON.stringify(res.body)}`;
    }
    return null;
  }

  async function send(route: RouteSpec, caller: Caller, req: FuzzRequest): Promise<Response> {
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => req.params[name] ?? 'x');
    const url = req.query ? `${path}?${req.query}` : path;
    const call = () => {
      let r = t.http[route.method.toLowerCase() as 'get'](url);
      if (caller !== 'anonymous')
        r = r.set('Authorization', `Bearer ${world.sessions[caller].accessToken}`);
      if (req.cookie !== null) r = r.set('Cookie', req.cookie);
      if (req.body.kind === 'json') {
        return r.set('Content-Type', 'application/json').send(JSON.stringify(req.body.value));
      }
      if (req.body.kind === 'raw')
        return r.set('Content-Type', req.body.contentType).send(req.body.text);
      return r;
    };
    const res = await call();
    // A fuzzed logout ends the caller's session: sign in again so the next request is tested as that role.
    if (res.status === 401 && caller !== 'anonymous') {
      await world.relogin(caller as Role);
    }
    return res;
  }

  function ctx(): FuzzContext {
    return { ids: world.ids, known: world.known, examples: world.examples };
  }

  function requestArb(route: RouteSpec): fc.Arbitrary<FuzzRequest> {
    return fc.record({
      params: paramsArb(route),
      query: queryArb(route),
      body: bodyArb(route),
      cookie: fc.oneof(
        { arbitrary: fc.constant(null), weight: 6 },
        {
          arbitrary: fc
            .constantFrom(
              '%E0%A4%A',
              '%',
              '%00',
              'x'.repeat(4000),
              'a.b.c',
              '%zz%',
              '"unterminated',
            )
            .map((v) => `${REFRESH_COOKIE_NAME}=${v}`),
          weight: 2,
        },
      ),
    });
  }

  function paramsArb(route: RouteSpec): fc.Arbitrary<Record<string, string>> {
    const fields = route.params ? fieldsOf(route.params) : [];
    const entries = route.paramNames.map((name) => {
      const known = world.paramValues(route.path, name);
      const field = fields.find((f) => f.name === name);
      const plausible = field
        ? dtoArb(route.params as new () => object, ctx()).map((p) => p[name])
        : fc.string();
      return [
        name,
        fc.oneof(
          { arbitrary: known.length ? fc.constantFrom(...known) : fc.uuid(), weight: 16 },
          { arbitrary: plausible.map((v) => encodeLoosely(String(v))), weight: 2 },
          {
            arbitrary: fc.constantFrom(
              '%00',
              'x%00',
              '%E0%A4%A',
              '%',
              '%zz',
              '..',
              'a'.repeat(300),
              '00000000-0000-0000-0000-000000000000%00',
              '%ED%A0%80',
              '9'.repeat(40),
            ),
            weight: 2,
          },
        ),
      ] as const;
    });
    return fc.record(Object.fromEntries(entries));
  }

  function queryArb(route: RouteSpec): fc.Arbitrary<string> {
    const raw = fc.constantFrom(
      'after=%E0%A4%A',
      'after=%00',
      'limit=1&limit=2',
      'limit=1e400',
      'limit=99999999999999999999',
      'a[b]=1',
      'after[]=x',
      'q=%00',
      'code=%00',
    );
    if (!route.query) return fc.oneof(fc.constant(''), raw);
    const fields = new Set(fieldsOf(route.query).map((f) => f.name));
    const fromDto = dtoArb(route.query, ctx()).chain((q) =>
      (fields.has('after') ? cursorArb() : fc.constant(undefined)).map((after) =>
        toQueryString(after === undefined ? q : { ...q, after }),
      ),
    );
    return fc.oneof({ arbitrary: fromDto, weight: 8 }, { arbitrary: raw, weight: 2 });
  }

  /** Cursors with the keys the API really uses (harvested from list answers), holding values of the wrong kind. */
  function cursorArb(): fc.Arbitrary<string | undefined> {
    const keySets = cursors.length ? cursors : [{ createdAt: '', id: '' }];
    const wrong = fc.constantFrom(
      ...NASTY_VALUES.filter((v) => typeof v !== 'string' || v.length < 100),
    );
    const forged = fc
      .tuple(
        fc.constantFrom(...keySets),
        fc.array(wrong, { minLength: 3, maxLength: 3 }),
        fc.nat(2),
      )
      .map(([keys, values, keep]) => {
        const cursor: Record<string, unknown> = {};
        Object.entries(keys).forEach(([k, v], i) => {
          cursor[k] = i === keep ? v : values[i % values.length];
        });
        return Buffer.from(JSON.stringify(cursor)).toString('base64url');
      });
    return fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: forged, weight: 5 },
      {
        arbitrary: fc.constantFrom(
          'not a cursor',
          '',
          Buffer.from('null').toString('base64url'),
          Buffer.from('[]').toString('base64url'),
          Buffer.from('"x"').toString('base64url'),
        ),
        weight: 1,
      },
    );
  }

  /**
   * A body for the route's DTO. Of CANDIDATES generated bodies, one that passes validation is sent
   * (nine times in ten), so most requests reach the service with one odd value in them.
   */
  function bodyArb(route: RouteSpec): fc.Arbitrary<FuzzRequest['body']> {
    const dto = route.body;
    const valid = dto
      ? fc
          .tuple(
            fc.array(dtoArb(dto, ctx()), { minLength: CANDIDATES, maxLength: CANDIDATES }),
            fc.nat(),
            fc.nat(9),
          )
          .map(([candidates, pick, failing]) => {
            const passing = candidates.filter((c) => passesValidation(dto, c));
            return (
              (failing === 0 || passing.length === 0
                ? candidates[0]
                : passing[pick % passing.length]) ?? {}
            );
          })
      : fc.constant({});
    const bodyless = route.method === 'GET' || route.method === 'DELETE';
    const raw = fc.constantFrom<FuzzRequest['body']>(
      { kind: 'raw', contentType: 'text/plain', text: '{"survivor":{}}' },
      { kind: 'raw', contentType: 'application/x-www-form-urlencoded', text: 'a=1&a=2&b[c]=%00' },
      { kind: 'raw', contentType: 'application/json', text: deeplyNested(40) },
      { kind: 'raw', contentType: 'application/json', text: deeplyNested(5000) },
      { kind: 'raw', contentType: 'application/json', text: '{"a":' },
      { kind: 'raw', contentType: 'application/json', text: '{"__proto__":{"polluted":1}}' },
      { kind: 'raw', contentType: 'application/xml', text: '<a/>' },
    );
    return fc.oneof(
      { arbitrary: fc.constant<FuzzRequest['body']>({ kind: 'none' }), weight: bodyless ? 12 : 1 },
      {
        arbitrary: valid.map((value): FuzzRequest['body'] => ({ kind: 'json', value })),
        weight: bodyless ? 1 : 12,
      },
      {
        arbitrary: malformedBodyArb(valid).map((value): FuzzRequest['body'] => ({
          kind: 'json',
          value,
        })),
        weight: 2,
      },
      { arbitrary: raw, weight: 2 },
    );
  }

  /** Reads one page of every list as every caller, to learn the cursor keys each list really uses. */
  async function harvestCursors(): Promise<void> {
    for (const route of routes.filter((r) => r.method === 'GET' && r.query)) {
      if (!fieldsOf(route.query as new () => object).some((f) => f.name === 'after')) continue;
      for (const caller of route.callers) {
        const path = route.path.replace(
          /:(\w+)/g,
          (_, n: string) => world.paramValues(route.path, n)[0] ?? 'x',
        );
        let r = t.http.get(`${path}?limit=1`);
        if (caller !== 'anonymous')
          r = r.set('Authorization', `Bearer ${world.sessions[caller].accessToken}`);
        const next = ((await r).body as { nextCursor?: unknown })?.nextCursor;
        if (typeof next !== 'string') continue;
        const decoded = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as unknown;
        if (decoded && typeof decoded === 'object')
          cursors.push(decoded as Record<string, unknown>);
      }
    }
  }
});

function toQueryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const text = v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      parts.push(`${encodeLoosely(key)}=${encodeLoosely(text)}`);
    }
  }
  return parts.join('&');
}

/** Percent-encodes any string, lone surrogates included (as the replacement character's bytes). */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')]
      .map((b) => `%${b.toString(16).padStart(2, '0')}`)
      .join('');
  }
}

function describeRequest(req: FuzzRequest | undefined): string {
  if (!req) return '(none)';
  const body = req.body.kind === 'json' ? JSON.stringify(req.body.value) : JSON.stringify(req.body);
  return (
    JSON.stringify({ params: req.params, query: req.query, cookie: req.cookie }) +
    ` body=${truncate(body)}`
  );
}

function truncate(text: string | undefined): string {
  if (text === undefined) return 'undefined';
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
