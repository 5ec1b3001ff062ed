import { createHash } from 'node:crypto';
import type { PeriodicReportKind } from '@caunoi/shared/domain';

/**
 * The clock's subject: one per centre and calendar entry, whether or not the report exists yet, so
 * a deterministic id (the layout of a UUID, version 5 style) of the centre, year and kind.
 */
export function periodicReportClockSubject(
  agencyId: string,
  year: number,
  kind: PeriodicReportKind,
): string {
  const h = createHash('sha256')
    .update(`periodic_report:${agencyId}:${year}:${kind}`)
    .digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
