import type {
  AgeGroup,
  CallChannel,
  CallerType,
  CallOutcome,
  CaseStage,
  GbvType,
  NotificationMeans,
  Sex,
} from '@caunoi/shared/domain';

export interface HotlineLineView {
  id: string;
  number: string;
  name: string;
  agencyId: string;
  active: boolean;
}

/** Admins configure the numbers each hotline answers (e.g. 111, a centre's 1800 line). */
export interface CreateHotlineLineRequest {
  agencyId: string;
  number: string;
  name: string;
}

export interface UpdateHotlineLineRequest {
  number?: string;
  name?: string;
  active?: boolean;
}

/** What an operator records. The caller's phone is used only for the blind index, never stored. */
export interface CreateCallRequest {
  lineId: string;
  channel: CallChannel;
  /** ISO instant. */
  startedAt: string;
  endedAt?: string | null;
  callerType: CallerType;
  callerPhone?: string | null;
  survivorSex?: Sex | null;
  survivorAgeGroup?: AgeGroup | null;
  communeCode?: string | null;
  gbvTypeHint?: GbvType | null;
  childInvolved: boolean;
  dangerNow: boolean;
  crimeSigns: boolean;
  chairmanNotifiedAt?: string | null;
  chairmanNotificationMeans?: NotificationMeans | null;
  outcome?: CallOutcome | null;
  notes?: string | null;
}

/** Before hand-over everything may be corrected; after it the call is closed for edits. */
export type UpdateCallRequest = Partial<Omit<CreateCallRequest, 'lineId' | 'callerPhone'>>;

export interface HandOverCallRequest {
  /** The social-work centre that receives the intake item. */
  agencyId: string;
}

export interface CallView {
  id: string;
  lineId: string;
  lineNumber: string;
  channel: CallChannel;
  startedAt: string;
  endedAt: string | null;
  callerType: CallerType;
  survivorSex: Sex | null;
  survivorAgeGroup: AgeGroup | null;
  communeCode: string | null;
  gbvTypeHint: GbvType | null;
  childInvolved: boolean;
  dangerNow: boolean;
  crimeSigns: boolean;
  chairmanNotifiedAt: string | null;
  chairmanNotificationMeans: NotificationMeans | null;
  outcome: CallOutcome | null;
  /** Decrypted notes; null after hand-over (the case owns the story from then on). */
  notes: string | null;
  operatorUserId: string;
  /** Earlier calls from the same phone number (blind index match), newest first. */
  repeatCallerCallIds: string[];
  handedOverAt: string | null;
  handedToAgencyId: string | null;
  /** Once a case is opened from the hand-over: its code and stage only. */
  caseCode: string | null;
  caseStage: CaseStage | null;
  createdAt: string;
}

export interface CallListQuery {
  after?: string;
  limit?: number;
}
