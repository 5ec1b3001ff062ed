import { Injectable, computed, inject } from '@angular/core';
import type { Action, AppAbility, RecordSubjectType, SubjectType } from '@caunoi/shared/authz';
import { abilityFromRules, subjectOf, unpackRules } from '@caunoi/shared/authz';
import { AuthService } from '../auth/auth.service';

type PackedRules = Parameters<typeof unpackRules<AppAbility['rules'][number]>>[0];

/**
 * The same CASL rules the API enforces, rebuilt from what /auth/me sent. Only hides what a role
 * may not do; the API still decides.
 */
@Injectable({ providedIn: 'root' })
export class AbilityService {
  private readonly auth = inject(AuthService);

  readonly ability = computed<AppAbility>(() => {
    const rules = this.auth.me()?.rules ?? [];
    return abilityFromRules(unpackRules(rules as PackedRules));
  });

  /** Reads the `ability` signal, so templates and computeds update when the user changes. */
  can(action: Action, subject: SubjectType): boolean {
    return this.ability().can(action, subject);
  }

  /** An instance check (`can('audit', case)`): the rules' conditions see the record's fields. */
  canOn(action: Action, type: RecordSubjectType, record: object): boolean {
    return this.ability().can(action, subjectOf(type, { ...record }));
  }
}
