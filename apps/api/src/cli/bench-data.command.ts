import { FieldCipher } from '../modules/crypto/field-cipher';
import { generateBenchData } from '../modules/seed/bench-data';
import type { CliCommand } from './cli-command';
import { parseFlags } from './cli-command';
import { withDataSource } from './with-data-source';

const MAX_CASES = 5_000_000;

/** Synthetic cases for the statistics bench (docs/bench.md, "A data set of N cases"). */
export const benchDataCommand: CliCommand = {
  name: 'bench-data',
  summary:
    'fill a development database with N synthetic cases of the demo province (refused in production or twice)',
  usage: '--cases <N> [--years <Y, default 5>] [--batch <cases per transaction, default 50000>]',
  run: async (config, args, io) => {
    if (config.nodeEnv === 'production') {
      io.err('Refusing to generate bench data when NODE_ENV=production');
      return 1;
    }
    const flags = parseFlags(args);
    const cases = Number(flags['cases']);
    const years = Number(flags['years'] ?? 5);
    const batch = Number(flags['batch'] ?? 50_000);
    const whole = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
    if (!whole(cases, MAX_CASES) || !whole(years, 20) || !whole(batch, 1_000_000)) {
      io.err(`--cases must be 1-${MAX_CASES}, --years 1-20, --batch 1-1000000`);
      return 2;
    }
    return withDataSource(config, async (dataSource) => {
      const started = Date.now();
      try {
        const summary = await generateBenchData(
          dataSource,
          new FieldCipher(config),
          { cases, years, batch, now: new Date() },
          (done) =>
            io.out(`  ${done} / ${cases} cases (${Math.round((Date.now() - started) / 1000)} s)`),
        );
        io.out(
          `Generated in ${Math.round((Date.now() - started) / 1000)} s, opened ${summary.from} – ${summary.to}: ` +
            `${summary.cases} cases, ${summary.incidents} incidents, ${summary.referrals} referrals, ` +
            `${summary.serviceRecords} service records, ${summary.incidentReportClocks} 10-day clocks, ` +
            `${summary.incidentReports} incident reports, ${summary.riskAssessments} risk assessments, ` +
            `${summary.safetyPlans} safety plans`,
        );
        return 0;
      } catch (error) {
        io.err(`bench-data: ${(error as Error).message}`);
        return 1;
      }
    });
  },
};
