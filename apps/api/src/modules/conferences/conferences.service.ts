import { ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { ConferenceActionView, ConferenceView } from '@caunoi/shared/contracts';
import type { ConferenceProblem } from '@caunoi/shared/domain';
import {
  CONFERENCE_INBOX_ROLES,
  checkConferenceDate,
  conferenceActionTransition,
  isConferenceInvitableType,
  mayWorkConferenceInvites,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { subjectOf } from '@caunoi/shared/authz';
import { FieldErrorException, fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';
import { CaseAccess } from '../cases/case-access';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { ConferenceAccess, assertConferenceStep } from './conference-access';
import type {
  ConveneConferenceDto,
  CreateConferenceActionDto,
  RecordConferenceDto,
  UpdateConferenceActionStatusDto,
} from './conference.dto';
import { ConferenceReads } from './conference-reads.service';
import { ConferencesRepository } from './conferences.repository';

/**
 * The convening centre's steps (convene, record attendance and minutes, agree actions) and the owner
 * agency's one (close its action). Each in one transaction with its audit rows; each action's clock
 * starts and ends with it. Notices carry the conference code, never survivor data.
 */
@Injectable()
export class ConferencesService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly conferences: ConferencesRepository,
    private readonly access: ConferenceAccess,
    private readonly cases: CaseAccess,
    private readonly reads: ConferenceReads,
    private readonly deadlines: DeadlinesService,
    private readonly outbox: NotificationOutbox,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async convene(
    caller: Caller,
    caseId: string,
    dto: ConveneConferenceDto,
  ): Promise<ConferenceView> {
    const { user: actor, ability } = caller;
    const now = this.clock.now();
    const today = vietnamDateOf(now);
    throwIfAny(HttpStatus.BAD_REQUEST, [
      ...checkConferenceDate('scheduledAt', vietnamDateOf(new Date(dto.scheduledAt)), today),
      ...(dto.reviewOn ? checkConferenceDate('reviewOn', dto.reviewOn, today) : []),
    ]);
    const id = await this.work.run(async (tx) => {
      const m = tx.manager;
      const found = await this.cases.loadForUpdate(m, ability, caseId, 'read');
      if (!ability.can('create', subjectOfConference(found.agencyId))) {
        throw new ForbiddenException('Only a supervisor of the case centre convenes');
      }
      const agencies = await this.conferences.directoryAgencies(m, dto.invitedAgencyIds);
      throwIfAny(
        HttpStatus.BAD_REQUEST,
        dto.invitedAgencyIds.flatMap((agencyId, i): ConferenceProblem[] => {
          const field = `invitedAgencyIds.${i}`;
          const a = agencies.find((x) => x.id === agencyId);
          if (!a || !a.active) {
            return [{ field, code: 'not_invitable', message: `${field} is not an active agency` }];
          }
          if (agencyId === found.agencyId) {
            return [
              { field, code: 'convener_invited', message: `${field} is the convening centre` },
            ];
          }
          if (!isConferenceInvitableType(a.type)) {
            return [{ field, code: 'not_invitable', message: `${field} cannot be invited` }];
          }
          return [];
        }),
      );
      const n = await this.conferences.nextCodeNumber(m);
      const code = `HLN-${today.slice(0, 4)}-${String(n).padStart(4, '0')}`;
      const id = await this.conferences.insert(
        m,
        {
          code,
          caseId,
          agencyId: found.agencyId,
          userId: actor.id,
          scheduledAt: new Date(dto.scheduledAt),
          agendaEnc: this.cipher.encrypt(dto.agenda.trim()),
          reviewOn: dto.reviewOn ?? null,
          now,
        },
        dto.invitedAgencyIds,
      );
      for (const agencyId of dto.invitedAgencyIds) {
        await this.outbox.send(
          m,
          await this.outbox.activeUsers(m, agencyId, CONFERENCE_INBOX_ROLES),
          'conference.invited',
          null,
          { conferenceCode: code, scheduledAt: dto.scheduledAt },
          `/conferences/${id}`,
        );
      }
      await tx.audit({
        actor,
        caseId,
        action: 'conference.convene',
        subjectType: 'Conference',
        subjectId: id,
        fields: [
          'scheduledAt',
          'agenda',
          'invitedAgencyIds',
          ...(dto.reviewOn ? ['reviewOn'] : []),
        ],
        details: { invited: dto.invitedAgencyIds.length },
      });
      return id;
    });
    return this.reads.get(caller, id);
  }

  async record(caller: Caller, id: string, dto: RecordConferenceDto): Promise<ConferenceView> {
    const now = this.clock.now();
    if (dto.reviewOn) {
      throwIfAny(
        HttpStatus.BAD_REQUEST,
        checkConferenceDate('reviewOn', dto.reviewOn, vietnamDateOf(now)),
      );
    }
    await this.work.run(async (tx) => {
      const c = await this.access.loadToManage(caller, id, tx.manager);
      assertConferenceStep(c.row.status, 'record');
      throwIfAny(
        HttpStatus.BAD_REQUEST,
        dto.attendance.flatMap((a, i): ConferenceProblem[] =>
          c.invitations.some((inv) => inv.agencyId === a.agencyId)
            ? []
            : [
                {
                  field: `attendance.${i}.agencyId`,
                  code: 'not_invitable',
                  message: `attendance.${i}.agencyId is not invited`,
                },
              ],
        ),
      );
      await this.conferences.setAttendance(tx.manager, id, dto.attendance);
      await this.conferences.record(
        tx.manager,
        id,
        this.cipher.encrypt(dto.minutes.trim()),
        dto.reviewOn ?? c.row.reviewOn,
        now,
      );
      await tx.audit({
        actor: caller.user,
        caseId: c.row.caseId,
        action: 'conference.record',
        subjectType: 'Conference',
        subjectId: id,
        fields: ['attendance', 'minutes', ...(dto.reviewOn ? ['reviewOn'] : [])],
        details: { attended: dto.attendance.filter((a) => a.attendance === 'attended').length },
      });
    });
    return this.reads.get(caller, id);
  }

  async addAction(
    caller: Caller,
    id: string,
    dto: CreateConferenceActionDto,
  ): Promise<ConferenceActionView> {
    const now = this.clock.now();
    throwIfAny(HttpStatus.BAD_REQUEST, checkConferenceDate('dueOn', dto.dueOn, vietnamDateOf(now)));
    const actionId = await this.work.run(async (tx) => {
      const m = tx.manager;
      const c = await this.access.loadToManage(caller, id, m);
      assertConferenceStep(c.row.status, 'add_action');
      const owners = [c.row.agencyId, ...c.invitations.map((i) => i.agencyId)];
      if (!owners.includes(dto.ownerAgencyId)) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'ownerAgencyId',
          'owner_not_invited',
          'the owner is the convening centre or an invited agency',
        );
      }
      const actionId = await this.conferences.insertAction(m, {
        conferenceId: id,
        ownerAgencyId: dto.ownerAgencyId,
        descriptionEnc: this.cipher.encrypt(dto.description.trim()),
        dueOn: dto.dueOn,
        userId: caller.user.id,
        now,
      });
      await this.deadlines.startConferenceActionClock(
        tx,
        { id: c.row.caseId, agencyId: c.row.agencyId },
        { id: actionId, dueOn: dto.dueOn },
      );
      await this.outbox.send(
        m,
        await this.outbox.activeUsers(m, dto.ownerAgencyId, CONFERENCE_INBOX_ROLES),
        'conference.action_assigned',
        null,
        { conferenceCode: c.row.code, dueOn: dto.dueOn },
        `/conferences/${id}`,
      );
      await tx.audit({
        actor: caller.user,
        caseId: c.row.caseId,
        action: 'conference.action_create',
        subjectType: 'ConferenceAction',
        subjectId: actionId,
        fields: ['ownerAgencyId', 'description', 'dueOn'],
      });
      return actionId;
    });
    return this.reads.action(caller, id, actionId);
  }

  /**
   * The owner agency completes or cancels its action (from its inbox); the convening centre may
   * cancel one. Done meets the action's clock (breached stays breached); cancelled stops it.
   */
  async setActionStatus(
    caller: Caller,
    id: string,
    actionId: string,
    dto: UpdateConferenceActionStatusDto,
  ): Promise<ConferenceActionView> {
    const { user: actor } = caller;
    const now = this.clock.now();
    await this.work.run(async (tx) => {
      const m = tx.manager;
      const c = await this.access.load(caller, id, m, true);
      const action = await this.conferences.action(m, id, actionId);
      const owner =
        action?.ownerAgencyId === actor.agencyId && mayWorkConferenceInvites(actor.role);
      // An invitee sees only its own actions.
      if (!action || (c.viewer === 'invitee' && !owner)) {
        throw new NotFoundException('Action not found');
      }
      const sides = [
        ...(owner ? (['owner'] as const) : []),
        ...(c.mayManage ? (['convener'] as const) : []),
      ];
      const verdict = conferenceActionTransition(action.status, dto.status, sides);
      if (verdict === 'invalid_transition') {
        throw fieldError(
          HttpStatus.CONFLICT,
          'status',
          'action_closed',
          `the action is ${action.status}: it cannot become ${dto.status}`,
        );
      }
      if (verdict === 'not_allowed_for_side') {
        throw new ForbiddenException('Only the owner agency completes its action');
      }
      await this.conferences.setActionStatus(
        m,
        actionId,
        dto.status,
        this.cipher.encryptOptional(dto.note?.trim() || null),
        actor.id,
        now,
      );
      await this.endClock(tx, actionId, dto.status);
      if (actor.agencyId !== c.row.agencyId) {
        await this.outbox.send(
          m,
          await this.outbox.userOrSupervisors(m, c.row.convenedByUserId, c.row.agencyId),
          'conference.action_updated',
          c.row.caseId,
          { conferenceCode: c.row.code, status: dto.status, survivorCode: c.row.survivorCode },
          `/conferences/${id}`,
        );
      }
      await tx.audit({
        actor,
        caseId: c.row.caseId,
        action: 'conference.action_status',
        subjectType: 'ConferenceAction',
        subjectId: actionId,
        fields: ['status', ...(dto.note ? ['note'] : [])],
        details: { status: dto.status },
      });
    });
    return this.reads.action(caller, id, actionId);
  }

  private async endClock(tx: Tx, actionId: string, status: 'done' | 'cancelled'): Promise<void> {
    if (status === 'done') await this.deadlines.meetConferenceActionClock(tx, actionId);
    else await this.deadlines.cancelConferenceActionClock(tx, actionId, 'action_cancelled');
  }
}

function subjectOfConference(agencyId: string) {
  return subjectOf('Conference', { agencyId });
}

function throwIfAny(status: HttpStatus, problems: ConferenceProblem[]): void {
  if (problems.length > 0) throw new FieldErrorException(status, problems);
}
