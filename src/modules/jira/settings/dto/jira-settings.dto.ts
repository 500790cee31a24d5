import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Severity } from '../../../../engine/model';
import type { JiraSettingsEntity, JiraVerification } from '../jira-settings.entity';

/** Jira labels may not hold spaces; ours stay short and plain. */
const LABEL = /^[A-Za-z0-9_.:-]{1,100}$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,49}$/;
const CUSTOM_FIELD = /^customfield_\d{1,10}$/;

export class JiraAuthDto {
  @ApiProperty({
    enum: ['basic', 'bearer'],
    description: 'basic: email + API token (Jira Cloud); bearer: a token.',
  })
  @IsIn(['basic', 'bearer'])
  type!: 'basic' | 'bearer';

  @ApiPropertyOptional({ description: 'For basic auth.' })
  @IsOptional()
  @IsEmail()
  @Length(3, 320)
  email?: string;

  @ApiProperty({ description: 'The API token (basic) or the bearer token. Write-only: never returned.' })
  @IsString()
  @Length(8, 4096)
  token!: string;
}

export class PriorityMapDto {
  @ApiProperty() @IsString() @Length(1, 100) critical!: string;
  @ApiProperty() @IsString() @Length(1, 100) high!: string;
  @ApiProperty() @IsString() @Length(1, 100) medium!: string;
  @ApiProperty() @IsString() @Length(1, 100) low!: string;
  @ApiProperty() @IsString() @Length(1, 100) info!: string;
}

export const DEFAULT_PRIORITY_MAP: Record<Severity, string> = {
  [Severity.Critical]: 'Highest',
  [Severity.High]: 'High',
  [Severity.Medium]: 'Medium',
  [Severity.Low]: 'Low',
  [Severity.Info]: 'Lowest',
};

export class PutJiraSettingsDto {
  @ApiProperty({
    example: 'https://acme.atlassian.net',
    description: 'https; its host obeys the cluster address rules.',
  })
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['https', 'http'] })
  @Length(1, 500)
  baseUrl!: string;

  @ApiProperty({ example: 'SEC' })
  @Matches(PROJECT_KEY, { message: 'projectKey must be a Jira project key (e.g. SEC)' })
  projectKey!: string;

  @ApiProperty({ example: 'Task' })
  @IsString()
  @Length(1, 100)
  issueType!: string;

  @ApiProperty({ type: JiraAuthDto })
  @ValidateNested()
  @Type(() => JiraAuthDto)
  auth!: JiraAuthDto;

  @ApiProperty({ description: 'Secret Jira signs its webhook deliveries with. Write-only: never returned.' })
  @IsString()
  @Length(16, 512)
  webhookSecret!: string;

  @ApiPropertyOptional({ type: PriorityMapDto, description: 'Jira priority name per severity.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriorityMapDto)
  priorityMap?: PriorityMapDto;

  @ApiPropertyOptional({
    type: [String],
    description: 'Added to every issue, besides layer, phase and check.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(LABEL, { each: true, message: 'labels hold letters, digits and _ . : - only' })
  labels?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Component names set on every issue.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  components?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'customfield_NNNNN → value, sent as-is on create (for fields the project requires).',
  })
  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;
}

export class JiraVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ format: 'date-time' }) verifiedAt!: string;
  @ApiPropertyOptional({
    type: 'object',
    properties: { accountId: { type: 'string' }, displayName: { type: 'string' } },
  })
  account?: { accountId: string; displayName?: string };
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
  })
  missingFields!: { id: string; name: string }[];
  @ApiProperty({ type: [String] }) unknownPriorities!: string[];
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class JiraSettingsDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() baseUrl!: string;
  @ApiProperty() projectKey!: string;
  @ApiProperty() issueType!: string;
  @ApiProperty({ enum: ['basic', 'bearer'] }) authType!: 'basic' | 'bearer';
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: PriorityMapDto }) priorityMap!: PriorityMapDto;
  @ApiProperty({ type: [String] }) labels!: string[];
  @ApiProperty({ type: [String] }) components!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) customFields!: Record<string, unknown>;
  @ApiProperty({ type: JiraVerificationDto, nullable: true })
  verification!: JiraVerification | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(entity: JiraSettingsEntity): JiraSettingsDto {
    return {
      organizationId: entity.organizationId,
      baseUrl: entity.baseUrl,
      projectKey: entity.projectKey,
      issueType: entity.issueType,
      authType: entity.authType,
      email: entity.email,
      priorityMap: entity.priorityMap,
      labels: entity.labels,
      components: entity.components,
      customFields: entity.customFields,
      verification: entity.verification,
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

/** Field ids the settings may fill through `customFields`. */
export function isCustomFieldId(id: string): boolean {
  return CUSTOM_FIELD.test(id);
}
