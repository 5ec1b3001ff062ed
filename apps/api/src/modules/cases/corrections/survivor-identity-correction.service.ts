import { HttpStatus, Injectable } from '@nestjs/common';
import type { CaseDetailView } from '@caunoi/shared/contracts';
import { ageGroupOf, isChild } from '@caunoi/shared/domain';
import { fieldError } from '../../../common/api-errors';
import { UnitOfWork } from '../../../database/unit-of-work';
import { AgenciesRepository } from '../../agencies/agencies.repository';
import type { Caller } from '../../authz/caller';
import { assertCan } from '../../authz/instance-checks';
import { BlindIndexer } from '../../crypto/blind-indexer';
import { CaseAccess } from '../case-access';
import type { IdentityDocument } from '../case.mapper';
import { IDENTITY_FIELDS } from '../case.mapper';
import { CasesRepository } from '../cases.repository';
import { CasesService } from '../cases.service';
import { ConsentPolicy } from '../consent-policy';
import type { PossibleDuplicateRow } from '../duplicate-check';
import { DuplicateCheck, splitDuplicates } from '../duplicate-check';
import { survivorIndexValues } from '../survivor-index';
import { SurvivorIdentity } from '../survivor-identity';
import { assertCurrentVersion } from '../versioned-record';
import type { CorrectSurvivorIdentityDto } from './case-correction.dto';
import { CaseCorrectionsService } from './case-corrections.service';

/** The identity fields the blind indexes are made of: changing one re-runs the duplicate check. */
const INDEXED: ReadonlySet<string> = new Set(['phone', 'fullName', 'dateOfBirth']);

/**
 * Correcting the survivor's identity: the whole identity is sent again with a reason and the version
 * it was revealed at. The fields that changed are kept, as they were, in the encrypted correction
 * history; the blind indexes (phone, name with birth date) are made again from the new values, and
 * the duplicate check runs again when one of them changed (audited, as at intake).
 */
@Injectable()
export class SurvivorIdentityCorrectionService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly access: CaseAccess,
    private readonly cases: CasesRepository,
    private readonly casesView: CasesService,
    private readonly identity: SurvivorIdentity,
    private readonly corrections: CaseCorrectionsService,
    private readonly blind: BlindIndexer,
    private readonly duplicateCheck: DuplicateCheck,
    private readonly agencies: AgenciesRepository,
    private readonly consentPolicy: ConsentPolicy,
  ) {}

  async correct(
    caller: Caller,
    caseId: string,
    dto: CorrectSurvivorIdentityDto,
  ): Promise<CaseDetailView> {
    const { user: actor, ability } = caller;
    const duplicates = await this.work.run(async (tx): Promise<PossibleDuplicateRow[]> => {
      const m = tx.manager;
      const found = await this.access.loadForUpdate(m, ability, caseId, 'update');
      // Whoever corrects the identity sees it: the same right as revealing it.
      assertCan(ability, 'reveal_identity', 'Case', {
        id: found.id,
        agencyId: found.agencyId,
        assignedUserId: found.assignedUserId,
      });
      const survivor = found.survivor;
      if (survivor.anonymous) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'identity',
          'consent_required',
          'an anonymous record keeps no identity: it has no consent to case management',
        );
      }
      assertCurrentVersion(survivor.identityVersion, dto.version);
      const after = this.identity.fromInput(dto.identity, true, 'identity') as IdentityDocument;
      const before = this.identity.read(found);
      // The coded facts the statistics count, in clear on the survivor: left out is left as it is.
      const codedBefore = {
        sex: survivor.sex,
        disabilityStatus: survivor.disabilityStatus,
        ethnicMinority: survivor.ethnicMinority,
      };
      const coded = {
        sex: dto.identity.sex ?? survivor.sex,
        disabilityStatus: dto.identity.disabilityStatus ?? survivor.disabilityStatus,
        ethnicMinority: dto.identity.ethnicMinority ?? survivor.ethnicMinority,
      };
      const fields = await this.corrections.record(tx, actor, {
        caseId,
        subjectType: 'SurvivorIdentity',
        subjectId: survivor.id,
        before: { ...before, ...codedBefore },
        after: { ...after, ...coded },
        reason: dto.reason,
      });
      const { phone, nameDob } = survivorIndexValues(after);
      const phoneBidx = this.blind.digestOptional('phone', phone);
      const nameDobBidx = this.blind.digestOptional('name_dob', nameDob);
      const ageChanged = fields.includes('age') || fields.includes('dateOfBirth');
      const age = this.consentPolicy.currentAge(after);
      const ageGroup = ageChanged ? ageGroupOf(age) : survivor.ageGroup;
      await this.cases.setSurvivorIdentity(m, survivor.id, {
        identityEnc: this.identity.encrypt(after),
        identityFields: IDENTITY_FIELDS.filter((f) => after[f] !== null),
        ageGroup,
        ...coded,
        phoneBidx,
        nameDobBidx,
        bidxKey: phoneBidx || nameDobBidx ? this.blind.keyId : null,
      });
      // A survivor found to be a child makes it a case involving a child (never the other way:
      // the intake may have flagged a child for other reasons).
      if (ageChanged && age !== null && isChild(age) && !found.childInvolved) {
        await this.cases.markChildInvolved(m, caseId);
      }
      await tx.audit({
        actor,
        caseId,
        action: 'survivor.correct',
        subjectType: 'Survivor',
        subjectId: survivor.id,
        fields,
        details: { version: survivor.identityVersion + 1 },
      });
      const lookup = {
        phone: this.blind.lookupDigests('phone', phone),
        nameDob: this.blind.lookupDigests('name_dob', nameDob),
      };
      if (!fields.some((f) => INDEXED.has(f))) {
        return this.cases.getPossibleDuplicates(m, survivor.id, lookup.phone, lookup.nameDob);
      }
      const agency = await this.agencies.getById(found.agencyId);
      return this.duplicateCheck.onIdentityRecorded(
        tx,
        caller,
        { id: survivor.id, caseId },
        agency?.name ?? '',
        lookup.phone,
        lookup.nameDob,
      );
    });
    return this.casesView.detail(caseId, splitDuplicates(ability, duplicates));
  }
}
