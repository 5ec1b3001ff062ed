import { TestClock } from '../../../test-support/test-clock';
import { DeadlineReconciler } from './deadline-reconciler';
import type { DeadlinesRepository, StageToSchedule } from './deadlines.repository';
import type { DeadlineScheduler } from './deadline-scheduler';
import type { EnqueueFailuresRepository } from './enqueue-failures.repository';

type Row = StageToSchedule & { id: string };

/** The reconciler over stage rows in memory and a Redis that takes or refuses a page of jobs. */
function reconcilerOver(rows: Row[], refuse: (page: number) => boolean) {
  let page = 0;
  const scheduled: Row[] = [];
  const deadlines = {
    getUnfiredDue: async (window: { until: Date }, limit: number, afterId: string | null) =>
      rows
        .filter((r) => r.dueAt <= window.until && (afterId === null || r.id > afterId))
        .slice(0, limit),
  } as unknown as DeadlinesRepository;
  const scheduler = {
    schedule: async (stages: Row[]) => {
      page += 1;
      if (stages.length > 0 && refuse(page)) return 0;
      scheduled.push(...stages);
      return stages.length;
    },
  } as unknown as DeadlineScheduler;
  const failures = { take: async () => false } as unknown as EnqueueFailuresRepository;
  return {
    reconciler: new DeadlineReconciler(deadlines, scheduler, failures, new TestClock()),
    scheduled,
  };
}

const far = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String(i).padStart(6, '0'),
    deadlineId: `d${i}`,
    stage: 'escalation_due',
    dueAt: new Date(Date.now() + 30 * 24 * 3600_000),
  }));

describe('DeadlineReconciler: rebuilding after Redis lost its data', () => {
  it('re-creates every pending job, a page at a time', async () => {
    const { reconciler, scheduled } = reconcilerOver(far(2500), () => false);
    await expect(reconciler.reconcile('everything')).resolves.toBe(2500);
    expect(scheduled).toHaveLength(2500);
  });

  it('fails when Redis refused a page, so the rebuild is repeated instead of marked done', async () => {
    const { reconciler } = reconcilerOver(far(2500), (page) => page === 2);
    await expect(reconciler.reconcile('everything')).rejects.toThrow(
      'Redis refused 1000 of 2500 deadline stage job(s)',
    );
  });

  it('a refused page of the two-hour window does not fail the tick (the failure is recorded for the next)', async () => {
    const soon: Row[] = far(3).map((r) => ({ ...r, dueAt: new Date(Date.now() + 60_000) }));
    const { reconciler } = reconcilerOver(soon, () => true);
    await expect(reconciler.reconcile('horizon')).resolves.toBe(0);
  });
});
