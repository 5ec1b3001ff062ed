import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AppAbility } from '@caunoi/shared/authz';
import type { AccountChangeDecisionView, AccountChangeView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type {
  AccountChangeDecision,
  AccountChangeKind,
  AccountDecisionRefusal,
  AccountGrant,
  Role,
} from '@caunoi/shared/domain';
import { accountDecisionRefusal } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { accessibleWhere } from '../authz/accessible-where';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { assertCan } from '../authz/instance-checks';
import type { AccountChangeEntity } from './account-change.entity';
import { AccountChangeEffects } from './account-change-effects';
import type { NoticeFacts } from './account-change-notices';
import { AccountChangeNotices } from './account-change-notices';
import {
  ACCOUNT_CHANGE_RULE_COLUMNS,
  AccountChangesRepository,
} from './account-changes.repository';
import type { AccountChangeListQueryDto } from './dto/account-change.dto';
import { mapAccountChange } from './dto/account-change.dto';
import type { IssuedOneTimeCode } from './one-time-code-issuer';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

/** The account a request is about, as it is when the request is made. */
export interface RequestTarget {
  id: string;
  username: string;
  role: Role;
  agencyId: string;
}

const REFUSAL_MESSAGES: Readonly<Record<AccountDecisionRefusal, string>> = {
  not_pending: 'this request was already decided',
  own_request: 'another person must approve your own request',
  own_account: 'you cannot decide a change to your own account',
  not_an_approver: 'only an admin or a supervisor of the agency decides account changes',
  other_agency: "a supervisor decides their own centre's accounts only",
  admin_grant: 'only another admin approves a grant of the admin role',
};

/**
 * The two-person rule: records requested account changes, lists them for the people who may
 * decide, and applies a change only once a different person with authority approves it.
 */
@Injectable()
export class AccountChangesService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly changes: AccountChangesRepository,
    private readonly effects: AccountChangeEffects,
    private readonly notices: AccountChangeNotices,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a pending request in the caller's transaction, audits it and tells who may decide.
   * A request of the same kind already waiting is a 409 naming `field`.
   */
  async request(
    tx: Tx,
    actor: AuthenticatedUser,
    target: RequestTarget,
    kind: AccountChangeKind,
    grant: AccountGrant,
    field: string,
  ): Promise<string> {
    if (kind !== 'create_account') {
      // A code or a grant before the account itself is approved would make that approval moot.
      const waiting = await this.changes.getPendingForUsers([target.id]);
      if (waiting.some((c) => c.kind === 'create_account')) {
        throw fieldError(
          HttpStatus.CONFLICT,
          field,
          'creation_pending',
          'the account itself still awaits approval: decide that first',
        );
      }
    }
    const from = kind === 'create_account' ? null : target;
    const id = await this.changes.insertPending(tx.manager, {
      kind,
      targetUserId: target.id,
      fromRole: from?.role ?? null,
      fromAgencyId: from?.agencyId ?? null,
      targetRole: grant.role,
      targetAgencyId: grant.agencyId,
      requestedByUserId: actor.id,
      requestedAt: this.clock.now(),
    });
    if (!id) {
      throw fieldError(
        HttpStatus.CONFLICT,
        field,
        'change_pending',
        `a request of this kind (${kind}) already waits for approval`,
      );
    }
    await tx.audit({
      actor,
      action: 'account_change.request',
      subjectType: 'User',
      subjectId: target.id,
      details: { changeId: id, kind, role: grant.role, agencyId: grant.agencyId },
    });
    await this.notices.requested(tx.manager, {
      kind,
      targetUserId: target.id,
      username: target.username,
      targetRole: grant.role,
      targetAgencyId: grant.agencyId,
      fromAgencyId: from?.agencyId ?? null,
      requestedByUserId: actor.id,
    });
    return id;
  }

  async list(
    ability: AppAbility,
    query: AccountChangeListQueryDto,
  ): Promise<Page<AccountChangeView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { requestedAt: 'instant', id: 'uuid' });
    const rows = await this.changes.getPage({
      access: accessibleWhere(ability, 'read', 'AccountChange', ACCOUNT_CHANGE_RULE_COLUMNS),
      status: query.status ?? 'pending',
      userId: query.userId,
      after,
      limit: limit + 1,
    });
    const page = keysetPage(rows, limit, (last) => ({
      requestedAt: last.requestedAt.toISOString(),
      id: last.id,
    }));
    return { items: page.items.map(mapAccountChange), nextCursor: page.nextCursor };
  }

  /** The pending requests of some accounts (the users list shows them). */
  pendingFor(userIds: readonly string[]) {
    return this.changes.getPendingForUsers(userIds);
  }

  async view(id: string): Promise<AccountChangeView> {
    const change = await this.changes.getWithPeople(id);
    if (!change) throw new NotFoundException('Account change not found');
    return mapAccountChange(change);
  }

  /** Approves and applies; the one-time code, if the kind yields one, is in the answer only. */
  async approve({ user: actor, ability }: Caller, id: string): Promise<AccountChangeDecisionView> {
    const code = await this.decide({ user: actor, ability }, id, 'approve', null);
    return {
      change: await this.view(id),
      oneTimeCode: code
        ? { username: code.username, code: code.code, expiresAt: code.expiresAt }
        : null,
    };
  }

  async reject(
    { user: actor, ability }: Caller,
    id: string,
    reason: string,
  ): Promise<AccountChangeView> {
    await this.decide({ user: actor, ability }, id, 'reject', reason);
    return this.view(id);
  }

  private async decide(
    { user: actor, ability }: Caller,
    id: string,
    decision: AccountChangeDecision,
    reason: string | null,
  ): Promise<IssuedOneTimeCode | null> {
    const change = await this.changes.getWithPeople(id);
    assertCan(ability, 'approve', 'AccountChange', change ? { ...change } : null, 'Not found');
    const found = change as AccountChangeEntity & { target: { username: string } };
    this.assertMayDecide(actor, found, decision);
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const now = this.clock.now();
    return this.work.run(async (tx) => {
      const decided = await this.changes.decide(tx.manager, id, {
        status,
        decidedByUserId: actor.id,
        decidedAt: now,
        rejectionReason: reason,
      });
      if (!decided) this.refuse('not_pending');
      let code: IssuedOneTimeCode | null = null;
      if (decision === 'approve') {
        code = await this.effects.applyApproved(tx.manager, found, found.target.username, now);
      } else {
        await this.effects.applyRejected(tx.manager, found, now);
      }
      await tx.audit({
        actor,
        action: `account_change.${decision}`,
        subjectType: 'User',
        subjectId: found.targetUserId,
        details: { changeId: id, kind: found.kind },
      });
      if (code) {
        await tx.audit({
          actor,
          action: 'account_code.issue',
          subjectType: 'User',
          subjectId: found.targetUserId,
          details: { changeId: id, codeId: code.id, expiresAt: code.expiresAt },
        });
      }
      await this.notices.decided(tx.manager, noticeFacts(found), status, actor.id);
      return code;
    });
  }

  private assertMayDecide(
    actor: AuthenticatedUser,
    change: AccountChangeEntity,
    decision: AccountChangeDecision,
  ): void {
    const refusal = accountDecisionRefusal(actor, change, decision);
    if (refusal) this.refuse(refusal);
  }

  private refuse(refusal: AccountDecisionRefusal): never {
    throw fieldError(
      refusal === 'not_pending' ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN,
      'id',
      refusal,
      REFUSAL_MESSAGES[refusal],
    );
  }
}

function noticeFacts(change: AccountChangeEntity & { target: { username: string } }): NoticeFacts {
  return {
    kind: change.kind,
    targetUserId: change.targetUserId,
    username: change.target.username,
    targetRole: change.targetRole,
    targetAgencyId: change.targetAgencyId,
    fromAgencyId: change.fromAgencyId,
    requestedByUserId: change.requestedByUserId,
  };
}
