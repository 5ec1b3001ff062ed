import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/unit-of-work';
import type { AppAbility } from '@caunoi/shared/authz';
import type { PossibleDuplicate } from '@caunoi/shared/contracts';
import { subjectOf } from '@caunoi/shared/authz';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { CasesRepository } from './cases.repository';
import type { Caller } from '../authz/caller';

export type PossibleDuplicateRow = Awaited<
  ReturnType<CasesRepository['getPossibleDuplicates']>
>[number];

/**
 * The duplicate check when a survivor's identity is recorded. It tells the caller whether a match exists,
 * so it could be used to probe whether a phone number belongs to a survivor anywhere: each check is
 * audited (counts only), and the supervisors of every agency whose case matched without the caller being
 * allowed to see it are told (their case's code and who checked), so a probe does not go unnoticed.
 */
@Injectable()
export class DuplicateCheck {
  constructor(
    private readonly cases: CasesRepository,
    private readonly outbox: NotificationOutbox,
  ) {}

  async onIdentityRecorded(
    tx: Tx,
    { user: actor, ability }: Caller,
    survivor: { id: string; caseId: string },
    /** The name of the agency recording the identity, for the other agencies' supervisors. */
    checkedBy: string,
    phone: readonly Buffer[],
    nameDob: readonly Buffer[],
  ): Promise<PossibleDuplicateRow[]> {
    const m = tx.manager;
    const found = await this.cases.getPossibleDuplicates(m, survivor.id, phone, nameDob);
    const hidden = found.filter(
      (d) =>
        !ability.can(
          'read',
          subjectOf('Case', { agencyId: d.agencyId, assignedUserId: d.assignedUserId }),
        ),
    );
    await tx.audit({
      actor,
      action: 'survivor.duplicate_check',
      subjectType: 'Survivor',
      subjectId: survivor.id,
      caseId: survivor.caseId,
      details: { matches: found.length, hidden: hidden.length },
    });
    if (hidden.length > 0) {
      for (const match of hidden) {
        await this.outbox.send(
          m,
          await this.outbox.activeUsers(m, match.agencyId, ['supervisor']),
          'case.duplicate_match',
          match.id,
          { survivorCode: match.code, agencyName: checkedBy },
          `/cases/${match.id}`,
        );
      }
    }
    return found;
  }
}

/**
 * Names only the possible duplicates the caller may open; the others are reported as a bare
 * "a match exists" so the caller asks a supervisor instead of learning about another case.
 */
export function splitDuplicates(
  ability: AppAbility,
  duplicates: readonly PossibleDuplicateRow[],
): { possibleDuplicates: PossibleDuplicate[]; hiddenDuplicateExists: boolean } {
  const possibleDuplicates: PossibleDuplicate[] = [];
  let hiddenDuplicateExists = false;
  for (const d of duplicates) {
    if (
      !ability.can(
        'read',
        subjectOf('Case', { agencyId: d.agencyId, assignedUserId: d.assignedUserId }),
      )
    ) {
      hiddenDuplicateExists = true;
      continue;
    }
    const matchedOn: PossibleDuplicate['matchedOn'] = [];
    if (d.phoneMatch) matchedOn.push('phone');
    if (d.nameDobMatch) matchedOn.push('name_and_birth_date');
    possibleDuplicates.push({ caseId: d.id, survivorCode: d.code, matchedOn });
  }
  return { possibleDuplicates, hiddenDuplicateExists };
}
