import { Injectable } from '@nestjs/common';
import type { FireOutcome } from '../deadlines/stage-processor';
import { StageProcessor } from '../deadlines/stage-processor';
import type { StageRef } from '../deadlines/stage-firing.repository';

/** Stages fired in one transaction at most. */
export const MAX_STAGE_BATCH = 100;
/** Batch transactions of one worker process running at once. */
const BATCHES_IN_FLIGHT = 2;

interface Waiting {
  ref: StageRef;
  resolve: (outcome: FireOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the deadline worker: every stage job it holds asks here, and the stages waiting
 * when a transaction can start fire together in it (`StageProcessor.fireMany`), so a burst costs a
 * commit per batch instead of per stage. Nothing waits for a batch to fill: a lone stage fires at once,
 * and the batches grow only while earlier ones are running. Each job finishes when its batch has
 * committed; if the batch fails, its stages are fired again one by one, so one bad stage fails only its
 * own job (which BullMQ retries) and a worker that dies mid-batch leaves every job to be taken over.
 */
@Injectable()
export class StageBatcher {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly stages: StageProcessor) {}

  fire(ref: StageRef): Promise<FireOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ref, resolve, reject });
      this.schedule();
    });
  }

  /** After the current turn of the event loop, so the jobs BullMQ hands over together share a batch. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= BATCHES_IN_FLIGHT || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < BATCHES_IN_FLIGHT && this.waiting.length > 0) {
        void this.run(this.waiting.splice(0, MAX_STAGE_BATCH));
      }
    });
  }

  private async run(batch: Waiting[]): Promise<void> {
    this.inFlight++;
    try {
      const outcomes = await this.stages.fireMany(batch.map((w) => w.ref));
      batch.forEach((w, i) => w.resolve(outcomes[i] as FireOutcome));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
      } else {
        for (const w of batch) {
          await this.stages.fire(w.ref.deadlineId, w.ref.stage).then(w.resolve, w.reject);
        }
      }
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
