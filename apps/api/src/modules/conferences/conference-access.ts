import { ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { subjectOf } from '@caunoi/shared/authz';
import type { ConferenceStatus, ConferenceStep } from '@caunoi/shared/domain';
import { conferenceStatusAfter } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import type { Caller } from '../authz/caller';
import type { ConferenceRow, InvitationRow } from './conferences.repository';
import { ConferencesRepository } from './conferences.repository';

export interface LoadedConference {
  row: ConferenceRow;
  invitations: InvitationRow[];
  /** `convener`: the caller reads the conference's case; `invitee`: the caller's agency is invited. */
  viewer: 'convener' | 'invitee';
  /** Whether the caller may change the conference (a supervisor of the convening centre). */
  mayManage: boolean;
}

/**
 * Loads a conference and decides from which side the caller sees it, with the same CASL rules the
 * guards use. A conference the caller may see from neither side is a 404, so its existence is not
 * confirmed to an agency that was not invited.
 */
@Injectable()
export class ConferenceAccess {
  constructor(private readonly conferences: ConferencesRepository) {}

  async load(
    { ability }: Caller,
    id: string,
    m?: EntityManager,
    forUpdate = false,
  ): Promise<LoadedConference> {
    const row = await this.conferences.get(id, m, forUpdate);
    if (!row) throw new NotFoundException('Conference not found');
    const invitations = await this.conferences.invitations([id], m);
    const readsCase = ability.can(
      'read',
      subjectOf('Case', {
        id: row.caseId,
        agencyId: row.agencyId,
        assignedUserId: row.caseAssignedUserId,
      }),
    );
    const conference = subjectOf('Conference', {
      agencyId: row.agencyId,
      invitedAgencyIds: invitations.map((i) => i.agencyId),
    });
    if (!readsCase && !ability.can('read', conference)) {
      throw new NotFoundException('Conference not found');
    }
    const mayManage = ability.can('update', subjectOf('Conference', { agencyId: row.agencyId }));
    return { row, invitations, viewer: readsCase ? 'convener' : 'invitee', mayManage };
  }

  /** Same, for a change only the convening centre's supervisors make (an invitee gets 403). */
  async loadToManage(caller: Caller, id: string, m: EntityManager): Promise<LoadedConference> {
    const loaded = await this.load(caller, id, m, true);
    if (!loaded.mayManage) throw new ForbiddenException('Only the convening centre changes this');
    return loaded;
  }
}

/** 409 on `status` when the step does not apply to the conference now (a cancelled one, a held one moved). */
export function assertConferenceStep(status: ConferenceStatus, step: ConferenceStep): void {
  if (!conferenceStatusAfter(status, step)) {
    throw fieldError(
      HttpStatus.CONFLICT,
      'status',
      status === 'cancelled' ? 'conference_cancelled' : 'conference_held',
      `the conference is ${status}: it cannot take this step`,
    );
  }
}
