import { FieldCipher } from '../modules/crypto/field-cipher';
import { EncryptedColumnsRepository } from '../modules/key-rotation/encrypted-columns.repository';
import { Reencryptor } from '../modules/key-rotation/reencryptor';
import type { CliCommand } from './cli-command';
import { rotationFlags } from './rotation-flags';
import { withDataSource } from './with-data-source';

export const reencryptCommand: CliCommand = {
  name: 'reencrypt',
  summary:
    're-encrypt every encrypted value under the current DATA_ENCRYPTION_KEYS key (resumable; exit 0 once no old key is used)',
  usage: '[--batch-size 500] [--max-batches N]',
  run: (config, args, io) => {
    const options = rotationFlags(args, io);
    if (!options) return Promise.resolve(2);
    return withDataSource(config, async (dataSource) => {
      const cipher = new FieldCipher(config);
      const reencryptor = new Reencryptor(new EncryptedColumnsRepository(dataSource), cipher);
      const report = await reencryptor.run({ ...options, progress: (line) => io.out(line) });
      io.out(
        `Re-encrypted ${report.rewritten} value(s) under ${cipher.currentKeyId}` +
          (report.changedMeanwhile
            ? `; ${report.changedMeanwhile} changed meanwhile (already current)`
            : ''),
      );
      if (report.unreadable > 0) {
        io.err(
          `${report.unreadable} value(s) could not be decrypted: their key is not in DATA_ENCRYPTION_KEYS`,
        );
      }
      if (report.remaining.length === 0) {
        io.out(
          `No value under an old key remains: keys other than ${cipher.currentKeyId} can be removed.`,
        );
        return 0;
      }
      for (const r of report.remaining)
        io.out(`  still under ${r.keyId}: ${r.count} in ${r.column}`);
      io.out(
        report.stoppedEarly
          ? 'Stopped after --max-batches; run the command again to continue.'
          : 'Values remain under old keys: keep those keys in DATA_ENCRYPTION_KEYS.',
      );
      return 1;
    });
  },
};
