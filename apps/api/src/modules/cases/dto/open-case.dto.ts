import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type {
  CaseConsentInput,
  OpenCaseRequest,
  SurvivorIdentityInput,
} from '@caunoi/shared/contracts';
import type {
  ConsentGiver,
  ConsentMethod,
  DisabilityStatus,
  EthnicMinorityStatus,
  SafeContactMethod,
  Sex,
} from '@caunoi/shared/domain';
import {
  CONSENT_GIVERS,
  CONSENT_METHODS,
  SAFE_CONTACT_METHODS,
  DISABILITY_STATUSES,
  ETHNIC_MINORITY_STATUSES,
  SEXES,
} from '@caunoi/shared/domain';
import { IsCalendarDate, IsOmittable, NestedObject } from '../../../common/dto-decorators';
import { CreateIncidentDto } from './incident.dto';

export class CaseConsentDto implements CaseConsentInput {
  @ApiProperty({
    description: 'Consent to case management; without it only an anonymous record is kept',
  })
  @IsBoolean()
  given!: boolean;

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

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bestInterestReason?: string | null;
}

export class SurvivorIdentityDto implements SurvivorIdentityInput {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string | null;

  @ApiPropertyOptional({ example: '1990-05-17' })
  @IsOptional()
  @IsCalendarDate({ message: 'dateOfBirth must be a real date (YYYY-MM-DD)' })
  dateOfBirth?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number | null;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: Sex;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  idNumber?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ethnicity?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  disability?: string | null;

  @ApiPropertyOptional({ enum: SAFE_CONTACT_METHODS })
  @IsOptional()
  @IsIn(SAFE_CONTACT_METHODS)
  safeContactMethod?: SafeContactMethod | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  safeContactDetails?: string | null;

  /** Coded in clear for statistics, unlike the free-text `disability` of the identity. */
  @ApiPropertyOptional({ enum: DISABILITY_STATUSES })
  @IsOmittable()
  @IsIn(DISABILITY_STATUSES)
  disabilityStatus?: DisabilityStatus;

  @ApiPropertyOptional({ enum: ETHNIC_MINORITY_STATUSES })
  @IsOmittable()
  @IsIn(ETHNIC_MINORITY_STATUSES)
  ethnicMinority?: EthnicMinorityStatus;
}

export class OpenCaseDto implements OpenCaseRequest {
  @ApiProperty({ type: CaseConsentDto })
  @NestedObject(() => CaseConsentDto)
  consent!: CaseConsentDto;

  @ApiProperty({ type: SurvivorIdentityDto })
  @NestedObject(() => SurvivorIdentityDto)
  survivor!: SurvivorIdentityDto;

  @ApiPropertyOptional({ type: CreateIncidentDto })
  @NestedObject(() => CreateIncidentDto, { nullable: true })
  incident?: CreateIncidentDto | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'communeCode must name a commune (or be null)' })
  @MaxLength(16)
  communeCode?: string | null;

  @ApiPropertyOptional({
    description: 'A walk-in referred in by another agency outside Cầu Nối (source agency_referral)',
  })
  @IsOmittable()
  @IsBoolean()
  referredByAgency?: boolean;
}
