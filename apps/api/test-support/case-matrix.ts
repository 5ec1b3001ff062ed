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
