import { ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ConsolidatedReportView,
  PeriodicReportListView,
  PeriodicReportView,
} from '@caunoi/shared/contracts';
import { subjectOf } from '@caunoi/shared/authz';
import type { Action, AppAbility } from '@caunoi/shared/authz';
import type {
  PeriodicReportAction,
  PeriodicReportRefusal,
  PeriodicReportStatus,
} from '@caunoi/shared/domain';
import { periodicReportTransition, reportDueAt } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import { accessibleWhere } from '../authz/accessible-where';
import type { Caller } from '../authz/caller';
import { CalendarRepository } from '../calendar/calendar.repository';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { StatisticsService } from '../statistics/statistics.service';
import {
  consolidatedReportDocument,
  periodicReportDocument,
} from '../statistics/export/export-document';
import type { ExportFile } from '../statistics/export/export-file';
import { renderDocument } from '../statistics/export/export-file';
import type {
  ConsolidatedExportDto,
  ConsolidatedReportQueryDto,
  DraftPeriodicReportDto,
  ReportExportDto,
  UpdatePeriodicReportDto,
} from './periodic-report.dto';
import type { PeriodicReportEntity } from './periodic-report.entity';
import {
  PERIODIC_REPORT_RULE_COLUMNS,
  PeriodicReportsRepository,
} from './periodic-reports.repository';
import { periodicReportClockSubject } from './periodic-report-clock-subject';
import { PeriodicReportClocks } from './periodic-report-clocks';
import { ReportCalendarService } from './report-calendar.service';

/**
 * A centre's periodic report (issue 12, docs/periodic-reports.md): drafted by the centre's supervisor
 * from the centre's protected aggregates for the calendar entry's months (fixed then), approved by a
 * supervisor, submitted to the province's reporting authority, acknowledged by a reporting officer.
 * Aggregates and the centre's narrative only: no survivor data.
 */
@Injectable()
export class PeriodicReportsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly reports: PeriodicReportsRepository,
    private readonly calendar: ReportCalendarService,
    private readonly holidays: CalendarRepository,
    private readonly statistics: StatisticsService,
    private readonly clocks: PeriodicReportClocks,
    private readonly deadlines: DeadlinesService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list({ user: actor, ability }: Caller, year: number): Promise<PeriodicReportListView> {
    const rows = await this.reports.listForYear(
      accessibleWhere(ability, 'read', 'PeriodicReport', PERIODIC_REPORT_RULE_COLUMNS),
      year,
    );
    await this.work.audit({
      actor,
      action: 'periodic_report.list',
      subjectType: 'PeriodicReport',
      details: { year, count: rows.length },
    });
    return { items: await this.views(rows) };
  }

  async get({ user: actor, ability }: Caller, id: string): Promise<PeriodicReportView> {
    const report = await this.reports.getById(id);
    authorize(ability, report, 'read', 'centre');
    await this.work.audit({
      actor,
      action: 'periodic_report.read',
      subjectType: 'PeriodicReport',
      subjectId: id,
    });
    return this.view(report as PeriodicReportEntity);
  }

  /** One report as XLSX or PDF (its fixed tables and narrative); audited with the format. */
  async export(
    { user: actor, ability }: Caller,
    id: string,
    { format, lang = 'vi', password }: ReportExportDto,
  ): Promise<ExportFile> {
    const report = await this.reports.getById(id);
    authorize(ability, report, 'read', 'centre');
    const view = await this.view(report as PeriodicReportEntity);
    await this.work.audit({
      actor,
      action: 'periodic_report.export',
      subjectType: 'PeriodicReport',
      subjectId: id,
      details: { format, lang, protected: password !== undefined },
    });
    const doc = periodicReportDocument(view, lang, this.clock.now());
    return renderDocument(doc, format, `bao-cao-${view.kind}-${view.year}`, password);
  }

  /**
   * The province's consolidated report (reporting officers): the centres' reports of the entry
   * submitted to the officer's agency, and the province's tables for the entry's months, protected
   * at the province level by the statistics lattice.
   */
  async consolidated(
    caller: Caller,
    { year, kind }: ConsolidatedReportQueryDto,
    audit = true,
  ): Promise<ConsolidatedReportView> {
    const { user: actor, ability } = caller;
    if (actor.role !== 'reporting_officer') {
      throw new ForbiddenException('Only the province consolidates its centres’ reports');
    }
    const agency = await this.reports.getAgency(actor.agencyId);
    if (!agency) throw new NotFoundException('Not found');
    const entry = (await this.calendar.effective(agency.provinceCode, year)).find(
      (e) => e.kind === kind,
    );
    if (!entry) throw new NotFoundException('No such report in the calendar');
    const rows = (
      await this.reports.listForYear(
        accessibleWhere(ability, 'read', 'PeriodicReport', PERIODIC_REPORT_RULE_COLUMNS),
        year,
      )
    ).filter((r) => r.kind === kind);
    const names = await this.reports.agencyNames([agency.id, ...rows.map((r) => r.agencyId)]);
    const tables = await this.statistics.rangeBlocks(caller, entry.periodFrom, entry.periodTo);
    if (audit) {
      await this.work.audit({
        actor,
        action: 'periodic_report.consolidate',
        subjectType: 'PeriodicReport',
        details: { year, kind, reports: rows.length },
      });
    }
    return {
      provinceCode: agency.provinceCode,
      provinceAuthority: names.get(agency.id) ?? '',
      year,
      kind,
      dueOn: entry.dueOn,
      periodFrom: entry.periodFrom,
      periodTo: entry.periodTo,
      centres: rows.map((r) => ({
        reportId: r.id,
        agencyId: r.agencyId,
        agencyName: names.get(r.agencyId) ?? '',
        status: r.status,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        onTime: r.onTime,
      })),
      tables,
    };
  }

  /** The consolidated report as XLSX or PDF; audited as an export. */
  async exportConsolidated(caller: Caller, q: ConsolidatedExportDto): Promise<ExportFile> {
    const { format, lang = 'vi', password } = q;
    const view = await this.consolidated(caller, q, false);
    await this.work.audit({
      actor: caller.user,
      action: 'periodic_report.export',
      subjectType: 'PeriodicReport',
      details: {
        consolidated: true,
        year: q.year,
        kind: q.kind,
        format,
        lang,
        protected: password !== undefined,
      },
    });
    const doc = consolidatedReportDocument(view, lang, this.clock.now());
    const name = `bao-cao-tong-hop-${view.kind}-${view.year}`;
    return renderDocument(doc, format, name, password);
  }

  /** The centre's report for a calendar entry: its tables counted now and kept as they are. */
  async draft(caller: Caller, dto: DraftPeriodicReportDto): Promise<PeriodicReportView> {
    const { user: actor } = caller;
    const agency = await this.reports.getAgency(actor.agencyId);
    if (!agency) throw new NotFoundException('Not found');
    const entry = (await this.calendar.effective(agency.provinceCode, dto.year)).find(
      (e) => e.kind === dto.kind,
    );
    if (!entry) throw new NotFoundException('No such report in the calendar');
    const tables = await this.statistics.rangeBlocks(caller, entry.periodFrom, entry.periodTo);
    const saved = await this.work.run(async (tx) => {
      if (await this.reports.findFor(tx.manager, agency.id, dto.year, dto.kind)) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'kind',
          'report_already_drafted',
          'the centre already has this report for this year',
        );
      }
      const report = await this.reports.save(tx.manager, {
        agencyId: agency.id,
        provinceCode: agency.provinceCode,
        year: dto.year,
        kind: dto.kind,
        dueOn: entry.dueOn,
        periodFrom: entry.periodFrom,
        periodTo: entry.periodTo,
        status: 'draft',
        tables,
        narrativeEnc: this.cipher.encryptOptional(dto.narrative),
        draftedByUserId: actor.id,
      });
      // Drafting starts the centre's clock for the entry if the maintenance pass has not yet.
      await this.clocks.startFor(tx, agency.id, { ...entry, year: dto.year });
      await tx.audit({
        actor,
        action: 'periodic_report.draft',
        subjectType: 'PeriodicReport',
        subjectId: report.id,
        details: { year: dto.year, kind: dto.kind },
      });
      return report;
    });
    return this.view(saved);
  }

  /** Changes the narrative (the tables stay as drafted); an approved draft goes back for approval. */
  update(caller: Caller, id: string, dto: UpdatePeriodicReportDto): Promise<PeriodicReportView> {
    return this.step(caller, id, 'edit', async () => ({
      changes: {
        approvedAt: null,
        approvedByUserId: null,
        narrativeEnc: this.cipher.encryptOptional(dto.narrative),
      },
      fields: ['narrative'],
    }));
  }

  /** A supervisor of the centre approves (as with the 10-day report, also a draft they wrote). */
  approve(caller: Caller, id: string): Promise<PeriodicReportView> {
    return this.step(caller, id, 'approve', async () => ({
      changes: { approvedAt: this.clock.now(), approvedByUserId: caller.user.id },
    }));
  }

  /** Sends the approved report to the province's reporting authority, on time or late. */
  submit(caller: Caller, id: string): Promise<PeriodicReportView> {
    return this.step(caller, id, 'submit', async (report, tx) => {
      const recipient = await this.reports.findReportingAuthority(report.provinceCode);
      if (!recipient) {
        throw fieldError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'recipient',
          'no_reporting_authority',
          'the province has no reporting authority agency',
        );
      }
      const now = this.clock.now();
      const met = await this.deadlines.meetPeriodicReportClock(
        tx,
        periodicReportClockSubject(report.agencyId, report.year, report.kind),
      );
      const dueAt = reportDueAt(report.year, report.dueOn, await this.holidays.load(tx.manager));
      // The clock decides; without one (never started), the due instant the report was drafted with.
      const onTime = met.onTime ?? now.getTime() < dueAt.getTime();
      return {
        changes: {
          recipientAgencyId: recipient,
          submittedAt: now,
          submittedByUserId: caller.user.id,
          onTime,
        },
        details: { onTime, recipientAgencyId: recipient },
      };
    });
  }

  /** A reporting officer acknowledges a report addressed to their agency. */
  acknowledge(caller: Caller, id: string): Promise<PeriodicReportView> {
    return this.step(caller, id, 'acknowledge', async () => ({
      changes: { acknowledgedAt: this.clock.now(), acknowledgedByUserId: caller.user.id },
    }));
  }

  /** One step of the state machine in one transaction: checked, changed, audited. */
  private async step(
    { user: actor, ability }: Caller,
    id: string,
    action: PeriodicReportAction,
    change: (
      report: PeriodicReportEntity,
      tx: Tx,
    ) => Promise<{
      changes: Partial<PeriodicReportEntity>;
      fields?: string[];
      details?: Record<string, string | boolean>;
    }>,
  ): Promise<PeriodicReportView> {
    const saved = await this.work.run(async (tx) => {
      const { report, next } = await this.lockFor(tx.manager, ability, id, action);
      const { changes, fields, details } = await change(report, tx);
      const result = await this.reports.save(tx.manager, { ...report, ...changes, status: next });
      await tx.audit({
        actor,
        action: `periodic_report.${action === 'edit' ? 'update' : action}`,
        subjectType: 'PeriodicReport',
        subjectId: id,
        fields,
        details,
      });
      return result;
    });
    return this.view(saved);
  }

  /** Locks the report, checks who may act, then the state machine (409 naming why not). */
  private async lockFor(
    m: EntityManager,
    ability: AppAbility,
    id: string,
    action: PeriodicReportAction,
  ): Promise<{ report: PeriodicReportEntity; next: PeriodicReportStatus }> {
    const report = await this.reports.lockById(m, id);
    authorize(
      ability,
      report,
      ACTION_PERMISSION[action],
      action === 'acknowledge' ? 'province' : 'centre',
    );
    const current = report as PeriodicReportEntity;
    const result = periodicReportTransition(current.status, action);
    if ('refused' in result) {
      throw fieldError(HttpStatus.CONFLICT, 'status', result.refused, REFUSALS[result.refused]);
    }
    return { report: current, next: result.next };
  }

  private async view(r: PeriodicReportEntity): Promise<PeriodicReportView> {
    const [view] = await this.views([r]);
    return view as PeriodicReportView;
  }

  private async views(rows: PeriodicReportEntity[]): Promise<PeriodicReportView[]> {
    const names = await this.reports.agencyNames([...new Set(rows.map((r) => r.agencyId))]);
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? '',
      provinceCode: r.provinceCode,
      year: r.year,
      kind: r.kind,
      dueOn: r.dueOn,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      status: r.status,
      tables: r.tables,
      narrative: this.cipher.decryptOptional(r.narrativeEnc),
      draftedAt: r.createdAt.toISOString(),
      approvedAt: r.approvedAt?.toISOString() ?? null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      onTime: r.onTime,
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      recipientAgencyId: r.recipientAgencyId,
    }));
  }
}

const ACTION_PERMISSION: Readonly<Record<PeriodicReportAction, Action>> = {
  edit: 'update',
  approve: 'approve',
  submit: 'update',
  acknowledge: 'update',
};

const REFUSALS: Readonly<Record<PeriodicReportRefusal, string>> = {
  already_submitted: 'a submitted report can no longer be changed',
  already_approved: 'this report is already approved',
  not_approved: 'a supervisor must approve the report before it is submitted',
  not_submitted: 'only a submitted report can be acknowledged',
  already_acknowledged: 'this report was already acknowledged',
};

/**
 * A report the caller may not read is missing (404). The centre acts on its own reports, the
 * province on those addressed to it: a readable report the caller's side may not change is a 403.
 */
function authorize(
  ability: AppAbility,
  report: PeriodicReportEntity | null,
  action: Action,
  side: 'centre' | 'province',
): void {
  const record = report && {
    agencyId: report.agencyId,
    recipientAgencyId: report.recipientAgencyId,
  };
  if (!record || !ability.can('read', subjectOf('PeriodicReport', record))) {
    throw new NotFoundException('Report not found');
  }
  if (action === 'read') return;
  const sideRecord =
    side === 'centre'
      ? { agencyId: record.agencyId }
      : { recipientAgencyId: record.recipientAgencyId };
  if (!ability.can(action, subjectOf('PeriodicReport', sideRecord))) {
    throw new ForbiddenException('Your role may not do this');
  }
}
