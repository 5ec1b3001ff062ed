import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IncidentReportView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type {
  IncidentReportAction,
  IncidentReportRefusal,
  IncidentReportStatus,
} from '@caunoi/shared/domain';
import { incidentReportTransition } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { accessibleWhere } from '../authz/accessible-where';
import { assertCan } from '../authz/instance-checks';
import { CaseAccess } from '../cases/case-access';
import type { CaseWithPeople } from '../cases/cases.repository';
import { CasesRepository } from '../cases/cases.repository';
import type { IncidentEntity } from '../cases/incident.entity';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesRepository } from '../deadlines/deadlines.repository';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { ExportFile } from '../statistics/export/export-file';
import { exportFile } from '../statistics/export/export-file';
import { pdfBuffer } from '../statistics/export/pdf-export';
import type { IncidentReportFormQueryDto, SaveIncidentReportDto } from './incident-report.dto';
import { incidentReportForm } from './incident-report-form';
import type { IncidentReportEntity } from './incident-report.entity';
import {
  INCIDENT_REPORT_RULE_COLUMNS,
  IncidentReportsRepository,
} from './incident-reports.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

/**
 * The serious-incident report: drafted from the case (coded, no identity), approved by a supervisor,
 * submitted to the province's reporting authority (which meets the 10-day clock), acknowledged there.
 */
@Injectable()
export class IncidentReportsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly reports: IncidentReportsRepository,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly deadlines: DeadlinesService,
    private readonly deadlineRows: DeadlinesRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async get(
    { user: actor, ability }: Caller,
    caseId: string,
    incidentId: string,
  ): Promise<IncidentReportView> {
    await this.access.load(ability, caseId, 'read');
    const report = await this.reports.getForIncident(incidentId);
    if (!report || report.caseId !== caseId)
      throw new NotFoundException('No report for this incident yet');
    await this.work.audit({
      actor,
      caseId,
      action: 'incident_report.read',
      subjectType: 'IncidentReport',
      subjectId: report.id,
    });
    return this.view(report);
  }

  async draft(
    { user: actor, ability }: Caller,
    caseId: string,
    incidentId: string,
    dto: SaveIncidentReportDto,
  ): Promise<IncidentReportView> {
    const saved = await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const incident = await this.incidentOf(caseId, incidentId);
      if (!incident.serious) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'incidentId',
          'not_serious',
          'only a serious incident is reported to the province',
        );
      }
      if (await this.reports.lockForIncident(tx.manager, incidentId)) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'incidentId',
          'already_drafted',
          'this incident already has a report',
        );
      }
      const report = await this.reports.save(tx.manager, {
        incidentId,
        caseId,
        agencyId: found.agencyId,
        recipientAgencyId: null,
        status: 'draft',
        content: contentFrom(found, incident, dto),
        narrativeEnc: this.cipher.encryptOptional(dto.narrative),
        draftedByUserId: actor.id,
      });
      await tx.audit({
        actor,
        caseId,
        action: 'incident_report.draft',
        subjectType: 'IncidentReport',
        subjectId: report.id,
      });
      return report;
    });
    return this.view(saved);
  }

  /** Editing an approved draft sends it back for approval; a submitted report is final (409). */
  async save(
    { user: actor, ability }: Caller,
    caseId: string,
    incidentId: string,
    dto: SaveIncidentReportDto,
  ): Promise<IncidentReportView> {
    const saved = await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const { report, next } = await this.lockFor(tx.manager, caseId, incidentId, 'edit');
      const incident = await this.incidentOf(caseId, incidentId);
      const result = await this.reports.save(tx.manager, {
        ...report,
        status: next,
        approvedAt: null,
        approvedByUserId: null,
        content: contentFrom(found, incident, { ...report.content, ...dto }),
        narrativeEnc:
          dto.narrative === undefined
            ? report.narrativeEnc
            : this.cipher.encryptOptional(dto.narrative),
      });
      await tx.audit({
        actor,
        caseId,
        action: 'incident_report.update',
        subjectType: 'IncidentReport',
        subjectId: report.id,
        fields: Object.keys(dto),
      });
      return result;
    });
    return this.view(saved);
  }

  async approve(
    { user: actor, ability }: Caller,
    caseId: string,
    incidentId: string,
  ): Promise<IncidentReportView> {
    const saved = await this.work.run(async (tx) => {
      await this.access.loadForUpdate(tx.manager, ability, caseId, 'approve');
      const { report, next } = await this.lockFor(tx.manager, caseId, incidentId, 'approve');
      const result = await this.reports.save(tx.manager, {
        ...report,
        status: next,
        approvedAt: this.clock.now(),
        approvedByUserId: actor.id,
      });
      await tx.audit({
        actor,
        caseId,
        action: 'incident_report.approve',
        subjectType: 'IncidentReport',
        subjectId: report.id,
      });
      return result;
    });
    return this.view(saved);
  }

  /** Sends the approved report to the province: this meets the 10-day clock, on time or late. */
  async submit(
    { user: actor, ability }: Caller,
    caseId: string,
    incidentId: string,
  ): Promise<IncidentReportView> {
    const saved = await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const { report, next } = await this.lockFor(tx.manager, caseId, incidentId, 'submit');
      const recipient = await this.reports.findReportingAuthority(found.agencyId);
      if (!recipient) {
        throw fieldError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'recipient',
          'no_reporting_authority',
          'the province has no reporting authority agency',
        );
      }
      const met = await this.deadlines.meetIncidentReportClock(tx, incidentId);
      const result = await this.reports.save(tx.manager, {
        ...report,
        status: next,
        recipientAgencyId: recipient,
        submittedAt: this.clock.now(),
        submittedByUserId: actor.id,
        onTime: met.onTime,
      });
      await tx.audit({
        actor,
        caseId,
        action: 'incident_report.submit',
        subjectType: 'IncidentReport',
        subjectId: report.id,
        details: { onTime: met.onTime, recipientAgencyId: recipient },
      });
      return result;
    });
    return this.view(saved);
  }

  async inbox(
    { user: actor, ability }: Caller,
    after: string | undefined,
  ): Promise<Page<IncidentReportView>> {
    const cursor = decodeCursor(after, { submittedAt: 'instant', id: 'uuid' });
    const rows = await this.reports.getInbox(
      accessibleWhere(ability, 'read', 'IncidentReport', INCIDENT_REPORT_RULE_COLUMNS),
      cursor,
      PAGE_SIZE_DEFAULT + 1,
    );
    // Inbox rows are submitted reports, so submittedAt is always set.
    const page = keysetPage(rows, PAGE_SIZE_DEFAULT, (last) => ({
      submittedAt: (last.submittedAt ?? last.createdAt).toISOString(),
      id: last.id,
    }));
    await this.work.audit({
      actor,
      action: 'incident_report.inbox',
      subjectType: 'IncidentReport',
      details: { count: page.items.length },
    });
    return {
      items: await this.views(page.items),
      nextCursor: page.nextCursor,
    };
  }

  /** A reporting officer acknowledges a report addressed to their agency (another province's is a 404). */
  async acknowledge({ user: actor, ability }: Caller, id: string): Promise<IncidentReportView> {
    const saved = await this.work.run(async (tx) => {
      const report = await this.reports.getById(id);
      assertCan(
        ability,
        'update',
        'IncidentReport',
        report && report.recipientAgencyId ? { recipientAgencyId: report.recipientAgencyId } : null,
        'Report not found',
      );
      const current = report as IncidentReportEntity;
      const result = await this.reports.save(tx.manager, {
        ...current,
        status: transitionOrConflict(current.status, 'acknowledge'),
        acknowledgedAt: this.clock.now(),
        acknowledgedByUserId: actor.id,
      });
      await tx.audit({
        actor,
        caseId: current.caseId,
        action: 'incident_report.acknowledge',
        subjectType: 'IncidentReport',
        subjectId: id,
      });
      return result;
    });
    return this.view(saved);
  }

  /** The printable form of a case's report, for whoever may read the case (audited). */
  async formForCase(
    { user: actor, ability }: Caller,
    caseId: string,
    incidentId: string,
    q: IncidentReportFormQueryDto,
  ): Promise<ExportFile> {
    await this.access.load(ability, caseId, 'read');
    const report = await this.reports.getForIncident(incidentId);
    if (!report || report.caseId !== caseId)
      throw new NotFoundException('No report for this incident yet');
    return this.printed(actor, report, q);
  }

  /** The printable form of a report submitted to the officer's agency (another's is a 404). */
  async formForRecipient(
    { user: actor, ability }: Caller,
    id: string,
    q: IncidentReportFormQueryDto,
  ): Promise<ExportFile> {
    const report = await this.reports.getById(id);
    assertCan(
      ability,
      'read',
      'IncidentReport',
      report && report.recipientAgencyId ? { recipientAgencyId: report.recipientAgencyId } : null,
      'Report not found',
    );
    return this.printed(actor, report as IncidentReportEntity, q);
  }

  private async printed(
    actor: Caller['user'],
    report: IncidentReportEntity,
    { lang = 'vi' }: IncidentReportFormQueryDto,
  ): Promise<ExportFile> {
    const view = await this.view(report);
    const parties = await this.reports.getFormParties(
      report.agencyId,
      report.recipientAgencyId,
      report.content.communeCode,
    );
    await this.work.audit({
      actor,
      caseId: report.caseId,
      action: 'incident_report.print',
      subjectType: 'IncidentReport',
      subjectId: report.id,
      details: { lang, status: report.status },
    });
    const body = await pdfBuffer(incidentReportForm(view, parties, lang, this.clock.now()));
    return exportFile('pdf', body, `bao-cao-vu-viec-${report.id.slice(0, 8)}`);
  }

  /** Locks the incident's report and checks the state machine allows `action` (409 naming why not). */
  private async lockFor(
    m: EntityManager,
    caseId: string,
    incidentId: string,
    action: IncidentReportAction,
  ): Promise<{ report: IncidentReportEntity; next: IncidentReportStatus }> {
    const report = await this.reports.lockForIncident(m, incidentId);
    if (!report || report.caseId !== caseId)
      throw new NotFoundException('No report for this incident yet');
    return { report, next: transitionOrConflict(report.status, action) };
  }

  private async incidentOf(caseId: string, incidentId: string): Promise<IncidentEntity> {
    const incident = await this.cases.getIncident(caseId, incidentId);
    if (!incident) throw new NotFoundException('Incident not found');
    return incident;
  }

  private async view(r: IncidentReportEntity): Promise<IncidentReportView> {
    const [view] = await this.views([r]);
    return view as IncidentReportView;
  }

  /** One deadline query for any number of reports (the inbox shows a page of them). */
  private async views(reports: IncidentReportEntity[]): Promise<IncidentReportView[]> {
    const deadlines = await this.deadlineRows.getForSubject(
      'incident_report',
      reports.map((r) => r.incidentId),
    );
    // Newest first: the clock a report answers is the latest one of its incident.
    const dueOf = new Map<string, Date>();
    for (const d of deadlines) if (!dueOf.has(d.subjectId)) dueOf.set(d.subjectId, d.dueAt);
    return reports.map((r) => this.toView(r, dueOf.get(r.incidentId) ?? null));
  }

  private toView(r: IncidentReportEntity, dueAt: Date | null): IncidentReportView {
    return {
      id: r.id,
      incidentId: r.incidentId,
      caseId: r.caseId,
      status: r.status,
      content: r.content,
      narrative: this.cipher.decryptOptional(r.narrativeEnc),
      dueAt: dueAt?.toISOString() ?? null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      onTime: r.onTime,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      recipientAgencyId: r.recipientAgencyId,
    };
  }
}

const REFUSALS: Readonly<Record<IncidentReportRefusal, string>> = {
  already_submitted: 'a submitted report can no longer be changed',
  already_approved: 'this report is already approved',
  not_approved: 'a supervisor must approve the report before it is submitted',
  already_acknowledged: 'this report was already acknowledged',
};

/** The status after `action` (the domain's state machine), or a 409 naming the refusal. */
function transitionOrConflict(
  status: IncidentReportStatus,
  action: IncidentReportAction,
): IncidentReportStatus {
  const result = incidentReportTransition(status, action);
  if ('refused' in result) {
    throw fieldError(HttpStatus.CONFLICT, 'status', result.refused, REFUSALS[result.refused]);
  }
  return result.next;
}

/** Coded facts only: the province learns what happened and what was done, never who. */
function contentFrom(
  c: CaseWithPeople,
  incident: IncidentEntity,
  dto: { servicesGiven?: string[]; agenciesInvolved?: string[] },
): IncidentReportView['content'] {
  return {
    survivorCode: c.survivor.code,
    gbvType: incident.gbvType,
    dvForms: incident.dvForms,
    communeCode: incident.communeCode,
    occurredAt: incident.occurredAt.toISOString(),
    discoveredAt: incident.discoveredAt.toISOString(),
    seriousReasons: incident.seriousReasons,
    servicesGiven: dto.servicesGiven ?? [],
    agenciesInvolved: dto.agenciesInvolved ?? [],
  };
}
