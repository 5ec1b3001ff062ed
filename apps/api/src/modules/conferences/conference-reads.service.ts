import { Injectable, NotFoundException } from '@nestjs/common';
import type { ConferenceActionView, ConferenceView } from '@caunoi/shared/contracts';
import { mayReadMinutes } from '@caunoi/shared/domain';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';
import { CaseAccess } from '../cases/case-access';
import { FieldCipher } from '../crypto/field-cipher';
import { ConferenceAccess } from './conference-access';
import { mapConference, mapConferenceAction } from './conference.dto';
import type { ActionRow, ConferenceRow } from './conferences.repository';
import { ConferencesRepository } from './conferences.repository';

/** At most this many invitations in an agency's inbox list (the newest). */
const INBOX_LIMIT = 100;

/**
 * Reads of conferences, every one audited in the case's access log: the conference page (from the
 * convening side or an invitee's), the case's conferences for its plan screen, and an agency's
 * inbox of invitations. An invitee never gets the case or the survivor code.
 */
@Injectable()
export class ConferenceReads {
  constructor(
    private readonly work: UnitOfWork,
    private readonly conferences: ConferencesRepository,
    private readonly access: ConferenceAccess,
    private readonly cases: CaseAccess,
    private readonly cipher: FieldCipher,
  ) {}

  async get(caller: Caller, id: string): Promise<ConferenceView> {
    const c = await this.access.load(caller, id);
    const mine = c.invitations.find((i) => i.agencyId === caller.user.agencyId);
    const readsMinutes =
      c.row.minutesEnc !== null &&
      mayReadMinutes({
        viewerAgencyId: c.viewer === 'convener' ? c.row.agencyId : caller.user.agencyId,
        convenerAgencyId: c.row.agencyId,
        attendance: mine?.attendance ?? null,
        actionsOpen: await this.conferences.hasOpenActions(id),
      });
    const actions = await this.conferences.actions(
      [id],
      c.viewer === 'convener' ? null : caller.user.agencyId,
    );
    await this.work.audit({
      actor: caller.user,
      caseId: c.row.caseId,
      action: 'conference.read',
      subjectType: 'Conference',
      subjectId: id,
      fields: ['agenda', 'invitations', 'actions', ...(readsMinutes ? ['minutes'] : [])],
      details: { via: c.viewer },
    });
    return mapConference({
      row: c.row,
      viewer: c.viewer,
      agenda: this.cipher.decrypt(c.row.agendaEnc),
      minutes: readsMinutes ? this.cipher.decryptOptional(c.row.minutesEnc) : null,
      invitations: c.invitations,
      actions: actions.map((a) => this.mapAction(a)),
      ...this.reasons(c.row, c.viewer),
    });
  }

  /** The case's conferences with every action (the case plan shows them beside its own). */
  async listForCase(caller: Caller, caseId: string): Promise<ConferenceView[]> {
    await this.cases.load(caller.ability, caseId, 'read');
    const rows = await this.conferences.listForCase(caseId);
    const views = await this.views(rows, 'convener', null);
    await this.work.audit({
      actor: caller.user,
      caseId,
      action: 'conference.list',
      subjectType: 'Conference',
      fields: ['agenda', 'invitations', 'actions'],
      details: { count: rows.length },
    });
    return views;
  }

  /** The conferences the caller's agency is invited to, each with the agency's own actions. */
  async inbox(caller: Caller): Promise<ConferenceView[]> {
    const agencyId = caller.user.agencyId;
    const rows = await this.conferences.listInvitedFor(agencyId, INBOX_LIMIT);
    const views = await this.views(rows, 'invitee', agencyId);
    await this.work.audit(
      ...rows.map((r) => ({
        actor: caller.user,
        caseId: r.caseId,
        action: 'conference.inbox_list',
        subjectType: 'Conference',
        subjectId: r.id,
        fields: ['agenda', 'actions'],
      })),
    );
    return views;
  }

  /** One action after a change, as the caller may see it (the change itself is audited). */
  async action(
    caller: Caller,
    conferenceId: string,
    actionId: string,
  ): Promise<ConferenceActionView> {
    await this.access.load(caller, conferenceId);
    const [row] = (await this.conferences.actions([conferenceId])).filter((a) => a.id === actionId);
    if (!row) throw new NotFoundException('Action not found');
    return this.mapAction(row);
  }

  /** Lists never carry minutes: the conference page decides, per conference, who reads them. */
  private async views(
    rows: ConferenceRow[],
    viewer: 'convener' | 'invitee',
    ownerAgencyId: string | null,
  ): Promise<ConferenceView[]> {
    const ids = rows.map((r) => r.id);
    const [invitations, actions] = await Promise.all([
      this.conferences.invitations(ids),
      this.conferences.actions(ids, ownerAgencyId),
    ]);
    return rows.map((row) =>
      mapConference({
        row,
        viewer,
        agenda: this.cipher.decrypt(row.agendaEnc),
        minutes: null,
        invitations: invitations.filter((i) => i.conferenceId === row.id),
        actions: actions.filter((a) => a.conferenceId === row.id).map((a) => this.mapAction(a)),
        ...this.reasons(row, viewer),
      }),
    );
  }

  /** A cancellation's and a rescheduling's reasons: the convening side's only. */
  private reasons(
    row: ConferenceRow,
    viewer: 'convener' | 'invitee',
  ): { cancelReason: string | null; rescheduleReason: string | null } {
    if (viewer !== 'convener') return { cancelReason: null, rescheduleReason: null };
    return {
      cancelReason: this.cipher.decryptOptional(row.cancelReasonEnc),
      rescheduleReason: this.cipher.decryptOptional(row.rescheduleReasonEnc),
    };
  }

  private mapAction(a: ActionRow): ConferenceActionView {
    return mapConferenceAction(
      a,
      this.cipher.decrypt(a.descriptionEnc),
      this.cipher.decryptOptional(a.noteEnc),
    );
  }
}
