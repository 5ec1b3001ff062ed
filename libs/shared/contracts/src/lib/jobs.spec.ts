import { deadlineStageJobId, JOB_QUEUE, JobName, QueueName } from './jobs';

describe('job contracts', () => {
  it('names one job per deadline stage, in the three-part form BullMQ accepts for custom ids', () => {
    const id = deadlineStageJobId('6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001', 'reminder_3d');
    expect(id).toBe('deadline:6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001:reminder_3d');
    expect(id.split(':')).toHaveLength(3);
  });

  it('puts every job on a known queue', () => {
    for (const name of Object.values(JobName)) {
      expect(Object.values(QueueName)).toContain(JOB_QUEUE[name]);
    }
  });
});
