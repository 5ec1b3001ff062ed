import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseloadRow } from '@caunoi/shared/contracts';

/**
 * The team view in one statement: every active caseworker of the centre, anyone else with open
 * cases assigned (a supervisor who took one, a disabled account) and the unassigned cases (user
 * null), each with the counts of their open cases. Each part is grouped on the case's assignee, so
 * a row sums only what its person holds.
 */
const CASELOAD_SQL = `
  WITH open_cases AS (
    SELECT id, assigned_user_id, risk_level FROM cases WHERE agency_id = $1 AND stage <> 'closed'
  ),
  load AS (
    SELECT assigned_user_id AS user_id, count(*)::int AS open_cases,
           (count(*) FILTER (WHERE risk_level = 'high'))::int AS high_risk
      FROM open_cases GROUP BY 1
  ),
  overdue AS (
    SELECT oc.assigned_user_id AS user_id, count(*)::int AS n
      FROM deadlines d JOIN open_cases oc ON oc.id = d.case_id
     WHERE d.status IN ('pending', 'breached') AND d.met_at IS NULL AND d.due_at < $2
     GROUP BY 1
  ),
  plans AS (
    SELECT oc.assigned_user_id AS user_id, count(*)::int AS n
      FROM case_plans p JOIN open_cases oc ON oc.id = p.case_id
     WHERE p.status = 'submitted' GROUP BY 1
  ),
  closures AS (
    SELECT oc.assigned_user_id AS user_id, count(*)::int AS n
      FROM case_closures k JOIN open_cases oc ON oc.id = k.case_id
     WHERE k.status = 'requested' GROUP BY 1
  ),
  people AS (
    SELECT id AS user_id FROM users
     WHERE agency_id = $1 AND role = 'caseworker' AND disabled_at IS NULL
    UNION SELECT user_id FROM load
    UNION SELECT user_id FROM overdue
    UNION SELECT user_id FROM plans
    UNION SELECT user_id FROM closures
  )
  SELECT p.user_id AS "userId", u.display_name AS "displayName",
         coalesce(l.open_cases, 0) AS "openCases", coalesce(l.high_risk, 0) AS "highRiskCases",
         coalesce(o.n, 0) AS "overdueClocks", coalesce(pl.n, 0) AS "plansWaiting",
         coalesce(k.n, 0) AS "closuresWaiting"
    FROM people p
    LEFT JOIN users u ON u.id = p.user_id
    LEFT JOIN load l ON l.user_id IS NOT DISTINCT FROM p.user_id
    LEFT JOIN overdue o ON o.user_id IS NOT DISTINCT FROM p.user_id
    LEFT JOIN plans pl ON pl.user_id IS NOT DISTINCT FROM p.user_id
    LEFT JOIN closures k ON k.user_id IS NOT DISTINCT FROM p.user_id
   ORDER BY p.user_id IS NULL, u.display_name, p.user_id`;

@Injectable()
export class TeamCaseloadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per person of the centre, the counts of their open cases as of `now`. */
  getCaseloadForAgency(agencyId: string, now: Date): Promise<CaseloadRow[]> {
    return this.dataSource.query(CASELOAD_SQL, [agencyId, now]);
  }
}
