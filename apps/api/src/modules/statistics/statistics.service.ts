import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  StatisticsAreaView,
  StatisticsBlockView,
  StatisticsView,
} from '@caunoi/shared/contracts';
import { STATISTICS_SCOPE_AREA } from '@caunoi/shared/contracts';
import type { PeriodBlock, PeriodRequest, ProtectedLattice } from '@caunoi/shared/domain';
import {
  periodBlocks,
  POPULATION_DIMENSIONS,
  protectLattice,
  rangeProblem,
  SCOPE_AREA,
  STATISTICS_POPULATIONS,
} from '@caunoi/shared/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../authz/caller';
import type { StatisticsExportDto, StatisticsQueryDto } from './statistics.dto';
import { statisticsDocument } from './export/export-document';
import type { ExportFile } from './export/export-file';
import { exportFile, renderDocument } from './export/export-file';
import { statisticsCsv } from './statistics-csv';
import { blockView, trendOfYear } from './statistics-view';
import type { YearLattices } from './statistics-view';
import { StatisticsRepository } from './statistics.repository';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** The fields a period kind needs, checked in order (400 naming the first one missing). */
function periodRequestOf(q: StatisticsQueryDto): PeriodRequest {
  const need = <K extends keyof StatisticsQueryDto>(
    field: K,
  ): NonNullable<StatisticsQueryDto[K]> => {
    const value = q[field];
    if (value === undefined || value === null) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field,
        'isDefined',
        `${field} is required for this period`,
      );
    }
    return value as NonNullable<StatisticsQueryDto[K]>;
  };
  switch (q.period) {
    case 'month':
      return { kind: 'month', year: need('year'), month: need('month') };
    case 'quarter':
      return { kind: 'quarter', year: need('year'), quarter: need('quarter') };
    case 'half':
      return { kind: 'half', year: need('year'), half: need('half') };
    case 'year':
      return { kind: 'year', year: need('year') };
    case 'range': {
      const from = need('from');
      const to = need('to');
      for (const [field, value] of [
        ['from', from],
        ['to', to],
      ] as const) {
        const year = Number(value.slice(0, 4));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
          throw fieldError(
            HttpStatus.BAD_REQUEST,
            field,
            'invalid_value',
            `${field} must be between ${FIRST_YEAR} and ${LAST_YEAR}`,
          );
        }
      }
      const problem = rangeProblem(from, to);
      if (problem === 'reversed') {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'to',
          'invalid_value',
          'to must not be before from',
        );
      }
      if (problem !== null) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'to',
          'invalid_value',
          'a range covers at most 60 months',
        );
      }
      return { kind: 'range', from, to };
    }
  }
}

/**
 * Statistics for a period and area of the caller's scope (decision 0021): the scope's whole year is
 * counted and protected at once, and only published values leave.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The view as a file: CSV (codes), XLSX or PDF (labels in Vietnamese, or English on request), only
   * published values, XLSX and PDF protected by the user's password if one is given. The export is
   * audited (who, which period, area, format, whether protected: codes only, never the password).
   */
  async export(caller: Caller, q: StatisticsExportDto): Promise<ExportFile> {
    const { format = 'csv', lang = 'vi', password, ...query } = q;
    if (format === 'csv' && password !== undefined) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'password',
        'not_for_csv',
        'A CSV file cannot be protected by a password: choose XLSX or PDF',
      );
    }
    const view = await this.view(caller, query as StatisticsQueryDto);
    await this.audit.record(this.dataSource.manager, {
      actor: caller.user,
      action: 'statistics.export',
      subjectType: 'Statistics',
      details: {
        period: q.period,
        from: view.blocks[0]?.from ?? null,
        to: view.blocks[view.blocks.length - 1]?.to ?? null,
        area: view.area.code,
        format,
        lang,
        protected: password !== undefined,
      },
    });
    if (format === 'csv') return exportFile('csv', Buffer.from(statisticsCsv(view)), 'thong-ke');
    const doc = statisticsDocument(view, lang, this.clock.now());
    return renderDocument(doc, format, 'thong-ke', password);
  }

  async view({ user: actor, ability }: Caller, q: StatisticsQueryDto): Promise<StatisticsView> {
    const blocks = periodBlocks(periodRequestOf(q));
    const agency = await this.statistics.getCallerAgency(actor.agencyId);
    if (!agency) throw new NotFoundException('Not found');
    const communes = await this.statistics.getCommunesOf(agency.provinceCode);
    const area = await this.areaOf(
      agency.provinceCode,
      q.area ?? STATISTICS_SCOPE_AREA,
      agency.name,
    );
    const agencyIds = await this.statistics.getScopeAgencyIds(ability);

    const years = [...new Set(blocks.map((b) => b.year))];
    const lattices = new Map<number, YearLattices>();
    for (const year of years) {
      lattices.set(year, await this.yearLattices(agencyIds, agency.provinceCode, year));
    }
    const latticeOf = (block: PeriodBlock) => lattices.get(block.year) as YearLattices;
    const areaKey = area.code === STATISTICS_SCOPE_AREA ? SCOPE_AREA : area.code;
    return {
      scope: {
        kind: actor.role === 'reporting_officer' ? 'province' : 'centre',
        name: agency.name,
        provinceCode: agency.provinceCode,
      },
      area,
      communes,
      blocks: blocks.map((b) =>
        blockView(
          latticeOf(b),
          b,
          areaKey,
          areaKey === SCOPE_AREA ? communes.map((c) => c.code) : [],
        ),
      ),
      trend: years.flatMap((y) => trendOfYear(lattices.get(y) as YearLattices, y, areaKey)),
    };
  }

  /**
   * The caller's scope for a run of whole months, published values only (a periodic report's tables,
   * fixed when it is drafted).
   */
  async rangeBlocks(caller: Caller, from: string, to: string): Promise<StatisticsBlockView[]> {
    const view = await this.view(caller, { period: 'range', from, to } as StatisticsQueryDto);
    return view.blocks;
  }

  /** The scope, or a commune of the caller's province; any other code is not found (404). */
  private async areaOf(
    provinceCode: string,
    code: string,
    scopeName: string,
  ): Promise<StatisticsAreaView> {
    if (code === STATISTICS_SCOPE_AREA) return { code, name: scopeName };
    const commune = await this.statistics.findCommuneOf(provinceCode, code);
    if (!commune) throw new NotFoundException('Not found');
    return commune;
  }

  private async yearLattices(
    agencyIds: readonly string[],
    provinceCode: string,
    year: number,
  ): Promise<YearLattices> {
    const counts = await this.statistics.countYear(agencyIds, provinceCode, year, this.clock.now());
    const entries: [string, ProtectedLattice][] = STATISTICS_POPULATIONS.map((population) => [
      population,
      protectLattice(POPULATION_DIMENSIONS[population], [], counts[population]),
    ]);
    return Object.fromEntries(entries) as unknown as YearLattices;
  }
}
