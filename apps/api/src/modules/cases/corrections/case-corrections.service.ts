import { HttpStatus, Injectable } from '@nestjs/common';
import type { CaseNoteView, CorrectionSubject, CorrectionView } from '@caunoi/shared/contracts';
import { fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import type { Tx } from '../../../database/unit-of-work';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { AuthenticatedUser } from '../../authz/authenticated-user';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { subjectOf } from '@caunoi/shared/authz';
import { CaseAccess } from '../case-access';
import { assertCurrentVersion } from '../versioned-record';
import { CasesRepository } from '../cases.repository';
import type { CorrectCaseNoteDto, CorrectionsQueryDto } from './case-correction.dto';
import { CaseCorrectionsRepository } from './case-corrections.repository';

/**
 * Corrections with history: a correction keeps the version it replaces (the changed fields as they
 * were, encrypted), who made it, when and why (required, encrypted). The case's team reads the
 * history (audited); another agency's users get the case's 404.
 */
@Injectable()
export class CaseCorrectionsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly corrections: CaseCorrectionsRepository,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** Keeps the replaced version in the caller's unit of work; answers the changed field names. */
  async record(
    tx: Tx,
    actor: AuthenticatedUser,
    c: {
      caseId: string;
      subjectType: CorrectionSubject;
      subjectId: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      reason: string;
    },
  ): Promise<string[]> {
    const changed = Object.keys(c.after).filter(
      (k) => canonicalJson(c.before[k] ?? null) !== canonicalJson(c.after[k] ?? null),
    );
    if (changed.length === 0) {
      throw fieldError(HttpStatus.BAD_REQUEST, 'reason', 'nothing_changed', 'nothing is corrected');
    }
    await this.corrections.insert(tx.manager, {
      caseId: c.caseId,
      subjectType: c.subjectType,
      subjectId: c.subjectId,
      previousEnc: this.cipher.encrypt(
        JSON.stringify(Object.fromEntries(changed.map((k) => [k, c.before[k] ?? null]))),
      ),
      changedFields: changed,
      reasonEnc: this.cipher.encrypt(c.reason.trim()),
      correctedByUserId: actor.id,
      correctedAt: this.clock.now(),
    });
    return changed;
  }

  async list(
    { user: actor, ability }: Caller,
    caseId: string,
    query: CorrectionsQueryDto,
  ): Promise<CorrectionView[]> {
    const found = await this.access.load(ability, caseId, 'read');
    const rows = await this.corrections.listForSubject(caseId, query.subjectType, query.subjectId);
    // Who may read the case but not reveal identities (a caseworker looking at the centre's
    // unassigned queue) sees who corrected what, when and why, never the identity it replaced.
    const mayReveal = ability.can(
      'reveal_identity',
      subjectOf('Case', { agencyId: found.agencyId, assignedUserId: found.assignedUserId }),
    );
    const hidden = (field: string): boolean =>
      !mayReveal &&
      (query.subjectType === 'SurvivorIdentity' ||
        (query.subjectType === 'Perpetrator' && field.startsWith('identity.')));
    await this.work.audit({
      actor,
      caseId,
      action: 'case_correction.read',
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      fields: [...new Set(rows.flatMap((r) => r.changedFields))],
      details: { count: rows.length, identityShown: mayReveal },
    });
    return rows.map((r) => ({
      id: r.id,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      previous: Object.fromEntries(
        Object.entries(
          JSON.parse(this.cipher.decrypt(r.previousEnc)) as Record<string, unknown>,
        ).filter(([field]) => !hidden(field)),
      ),
      changedFields: r.changedFields,
      reason: this.cipher.decrypt(r.reasonEnc),
      correctedByName: r.correctedByName,
      correctedAt: r.correctedAt.toISOString(),
    }));
  }

  /** Corrects a case note's text; the text it had is kept in the history. */
  async correctNote(
    { user: actor, ability }: Caller,
    caseId: string,
    noteId: string,
    dto: CorrectCaseNoteDto,
  ): Promise<CaseNoteView> {
    const version = await this.work.run(async (tx) => {
      const m = tx.manager;
      await this.access.loadForUpdate(m, ability, caseId, 'update');
      const note = await this.cases.getNoteForUpdate(m, caseId, noteId);
      if (!note) throw fieldError(HttpStatus.NOT_FOUND, 'childId', 'not_found', 'Note not found');
      assertCurrentVersion(note.version, dto.version);
      const fields = await this.record(tx, actor, {
        caseId,
        subjectType: 'CaseNote',
        subjectId: noteId,
        before: { body: this.cipher.decrypt(note.bodyEnc) },
        after: { body: dto.body },
        reason: dto.reason,
      });
      const saved = await this.cases.setNoteBody(m, noteId, this.cipher.encrypt(dto.body));
      await tx.audit({
        actor,
        caseId,
        action: 'case_note.correct',
        subjectType: 'CaseNote',
        subjectId: noteId,
        fields,
      });
      return saved;
    });
    const note = (await this.cases.getNotes(caseId)).find((n) => n.id === noteId);
    return {
      id: noteId,
      body: dto.body,
      authorUserId: note?.authorUserId ?? '',
      authorName: note?.authorName ?? '',
      createdAt: note?.createdAt.toISOString() ?? '',
      version,
    };
  }
}

/** JSON with object keys sorted: a jsonb column gives its keys back in its own order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
