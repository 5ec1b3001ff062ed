import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import type {
  AssignCaseRequest,
  CaseListQuery,
  CaseSearchRequest,
  CreateCaseNoteRequest,
  CreateSharingConsentRequest,
  UpdateCaseRequest,
  WithdrawConsentRequest,
} from '@caunoi/shared/contracts';
import type {
  AgencyType,
  CaseStage,
  ConsentGiver,
  ConsentMethod,
  DataCategory,
  RiskLevel,
} from '@caunoi/shared/domain';
import {
  AGENCY_TYPES,
  CASE_STAGES,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  DATA_CATEGORIES,
  RISK_LEVELS,
} from '@caunoi/shared/domain';
import { IsCalendarDate } from '../../../common/dto-decorators';
import { PageQueryDto } from '../../../common/page-query.dto';

export class CaseListQueryDto extends PageQueryDto implements CaseListQuery {
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;

  @IsOptional()
  @IsString()
  @MaxLength(24)
  code?: string;

  @IsOptional()
  @IsIn(['mine', 'unassigned', 'all'])
  scope?: 'mine' | 'unassigned' | 'all';
}

export class CaseSearchDto implements CaseSearchRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((o: CaseSearchDto) => !o.phone)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((o: CaseSearchDto) => !o.phone)
  @IsCalendarDate({ message: 'dateOfBirth must be a real date (YYYY-MM-DD)' })
  dateOfBirth?: string | null;
}

/** The stage; the risk level follows from the latest assessment (cases/:id/assessments). */
export class UpdateCaseDto implements UpdateCaseRequest {
  @ApiProperty({ enum: CASE_STAGES })
  @IsIn(CASE_STAGES)
  stage!: CaseStage;
}

export class AssignCaseDto implements AssignCaseRequest {
  @ApiProperty({ nullable: true })
  @ValidateIf((o: AssignCaseDto) => o.userId !== null)
  @IsUUID('all')
  userId!: string | null;
}

export class CreateCaseNoteDto implements CreateCaseNoteRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body!: string;
}

export class CreateSharingConsentDto implements CreateSharingConsentRequest {
  @ApiProperty({ enum: CONSENT_GIVERS })
  @IsIn(CONSENT_GIVERS)
  givenBy!: ConsentGiver;

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS)
  method!: ConsentMethod;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  childAssent?: boolean | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  guardianIsSuspect?: boolean;

  @ApiProperty({ enum: AGENCY_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(AGENCY_TYPES, { each: true })
  agencyTypes!: AgencyType[];

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  dataCategories!: DataCategory[];

  @ApiPropertyOptional({ description: 'YYYY-MM-DD; default: CONSENT_VALIDITY_DAYS after today' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;
}

export class WithdrawConsentDto implements WithdrawConsentRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class CaseChildParamDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @IsUUID('all', { message: 'childId must be a UUID' })
  childId!: string;
}

export class AccessLogQueryDto {
  @IsOptional()
  @IsString()
  after?: string;
}
