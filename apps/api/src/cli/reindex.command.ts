import { CallsRepository } from '../modules/calls/calls.repository';
import { CasesRepository } from '../modules/cases/cases.repository';
import { BlindIndexer } from '../modules/crypto/blind-indexer';
import { FieldCipher } from '../modules/crypto/field-cipher';
import { Reindexer } from '../modules/key-rotation/reindexer';
import type { CliCommand } from './cli-command';
import { rotationFlags } from './rotation-flags';
import { withDataSource } from './with-data-source';

export const reindexCommand: CliCommand = {
  name: 'reindex',
  summary:
    'recompute every blind index with BLIND_INDEX_KEY (resumable; exit 0 once BLIND_INDEX_PREVIOUS_KEY can go)',
  usage: '[--batch-size 500] [--max-batches N] [--forget-call-digests]',
  run: (config, args, io) => {
    const options = rotationFlags(args, io);
    if (!options) return Promise.resolve(2);
    return withDataSource(config, async (dataSource) => {
      const blind = new BlindIndexer(config);
      const reindexer = new Reindexer(
        dataSource,
        new CasesRepository(dataSource),
        new CallsRepository(dataSource),
        new FieldCipher(config),
        blind,
      );
      const report = await reindexer.run({
        ...options,
        forgetCallDigests: options.flags['forget-call-digests'] === 'true',
        progress: (line) => io.out(line),
      });
      io.out(
        `Re-indexed ${report.reindexed} survivor(s) under ${blind.keyId}` +
          (report.changedMeanwhile
            ? `; ${report.changedMeanwhile} changed meanwhile (already current)`
            : '') +
          (report.callDigestsForgotten
            ? `; erased ${report.callDigestsForgotten} caller digest(s)`
            : ''),
      );
      if (report.unreadable > 0) {
        io.err(
          `${report.unreadable} identity record(s) could not be decrypted: check DATA_ENCRYPTION_KEYS`,
        );
      }
      if (report.survivorsLeft === 0 && report.callDigestsLeft === 0) {
        io.out(`No blind index under an old key remains: BLIND_INDEX_PREVIOUS_KEY can be removed.`);
        return 0;
      }
      if (report.survivorsLeft > 0)
        io.out(`  survivors still under an old key: ${report.survivorsLeft}`);
      if (report.callDigestsLeft > 0) {
        io.out(
          `  calls whose caller digest is under an old key: ${report.callDigestsLeft} (the number is not ` +
            'stored, so it cannot be recomputed; --forget-call-digests erases them)',
        );
      }
      if (report.stoppedEarly)
        io.out('Stopped after --max-batches; run the command again to continue.');
      return 1;
    });
  },
};
