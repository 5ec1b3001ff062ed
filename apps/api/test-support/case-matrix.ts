import { DEMO_AGENCIES } from '../src/modules/seed/demo-data';
import type { Session, TestUser } from './factories';
import { signedIn } from './factories';
import type { TestApp } from './test-app';

/** The callers of a case permission matrix: two centres, every role once. */
export type MatrixActor =
  | 'cw1'
  | 'cw2'
  | 'sup1'
  | 'cw3'
  | 'sup2'
  | 'hotline'
  | 'volunteer'
  | 'police'
  | 'health'
  | 'justice'
  | 'commune'
  | 'reporting'
  | 'admin';

export type MatrixSession = TestUser & Session;

/** The roles that never see a case: a 404 on every case, whatever the endpoint. */
export const NO_CASE_ROLES = [
  'hotline',
  'volunteer',
  'police',
  'health',
  'justice',
  'commune',
  'reporting',
  'admin',
] as const;

/** cw1, cw2, sup1 in the first centre; cw3, sup2 in the second; one of every other role. */
export async function signInMatrixActors(t: TestApp): Promise<Record<MatrixActor, MatrixSession>> {
  const centre2 = DEMO_AGENCIES.socialWorkCentreQuangNam.id;
  const entries = await Promise.all(
    (
      [
        ['cw1', 'caseworker', undefined],
        ['cw2', 'caseworker', undefined],
        ['sup1', 'supervisor', undefined],
        ['cw3', 'caseworker', centre2],
        ['sup2', 'supervisor', centre2],
        ['hotline', 'hotline_operator', undefined],
        ['volunteer', 'volunteer', undefined],
        ['police', 'police_liaison', undefined],
        ['health', 'health_liaison', undefined],
        ['justice', 'justice_liaison', undefined],
        ['commune', 'commune_officer', undefined],
        ['reporting', 'reporting_officer', undefined],
        ['admin', 'admin', undefined],
      ] as const
    ).map(
      async ([key, role, agencyId]) =>
        [key, await signedIn(t, role, agencyId ? { agencyId } : {})] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<MatrixActor, MatrixSession>;
}

/** Expected statuses on [A: centre 1, assigned to cw1], [B: centre 1, unassigned], [C: centre 2, assigned to cw3]. */
export type MatrixRow = Record<MatrixActor, [number, number, number]>;

/** The roles that never see a case, each with a 404 on all three cases. */
export const NO_CASE_ROW = Object.fromEntries(
  NO_CASE_ROLES.map((r) => [r, [404, 404, 404]]),
) as Record<(typeof NO_CASE_ROLES)[number], [number, number, number]>;

/**
 * Calls an endpoint as every actor of `expected` on each of the three cases and compares the
 * statuses in one assertion (the name says which step of a test a difference belongs to).
 */
export async function checkMatrix(
  actors: Record<MatrixActor, MatrixSession>,
  ids: readonly [string, string, string],
  name: string,
  call: (s: MatrixSession, id: string) => Promise<{ status: number }>,
  expected: MatrixRow,
): Promise<void> {
  const got: Partial<MatrixRow> = {};
  for (const actor of Object.keys(expected) as MatrixActor[]) {
    const statuses: number[] = [];
    for (const id of ids) statuses.push((await call(actors[actor], id)).status);
    got[actor] = statuses as [number, number, number];
  }
  expect([name, got]).toEqual([name, expected]);
}
