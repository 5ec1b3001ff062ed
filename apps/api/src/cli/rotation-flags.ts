import type { CliIo } from './cli-command';
import { parseFlags } from './cli-command';

const BATCH_SIZE_DEFAULT = 500;
const BATCH_SIZE_MAX = 10_000;

/** `--batch-size N` (default 500) and `--max-batches N` of the key-rotation commands; null if bad. */
export function rotationFlags(
  args: string[],
  io: CliIo,
): { batchSize: number; maxBatches?: number; flags: Record<string, string> } | null {
  const flags = parseFlags(args);
  const batchSize =
    flags['batch-size'] === undefined ? BATCH_SIZE_DEFAULT : Number(flags['batch-size']);
  const maxBatches = flags['max-batches'] === undefined ? undefined : Number(flags['max-batches']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > BATCH_SIZE_MAX) {
    io.err(`--batch-size must be a whole number from 1 to ${BATCH_SIZE_MAX}`);
    return null;
  }
  if (maxBatches !== undefined && (!Number.isInteger(maxBatches) || maxBatches < 1)) {
    io.err('--max-batches must be a whole number from 1');
    return null;
  }
  return { batchSize, maxBatches, flags };
}
