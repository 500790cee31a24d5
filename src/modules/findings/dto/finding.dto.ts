import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FindingSource } from '../../../engine/finding';
import { Layer, Phase, Principle, Severity } from '../../../engine/model';
import { RemediationDto } from '../../checks/dto/check.dto';
import { TriageStatus } from '../finding-status';

export class ResourceRefDto {
  @ApiProperty() apiVersion!: string;
  @ApiProperty() kind!: string;
  @ApiPropertyOptional({ description: 'Absent for cluster-scoped resources.' }) namespace?: string;
  @ApiProperty() name!: string;
}

export class EvidenceDto {
  @ApiProperty({ description: 'The field path inside the resource.' }) path!: string;
  @ApiPropertyOptional({
    description: 'The value observed there (any JSON); absent when the field is absent.',
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  })
  value?: unknown;
}

export class FindingSourceDto {
  @ApiProperty() file!: string;
  @ApiProperty() line!: number;
  @ApiPropertyOptional({ description: 'The Helm template the object was rendered from.' }) template?: string;
}

/** A finding as `kubeassay scan --format json` prints it, plus its id. */
export class FindingDto {
  @ApiProperty({ description: 'Stable id of this finding in this assessment.' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The organization (client) the finding belongs to.' })
  organizationId!: string;
  @ApiProperty() check!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: Severity, enumName: 'Severity' }) severity!: Severity;
  @ApiProperty({ enum: Layer, enumName: 'Layer' }) layer!: Layer;
  @ApiProperty({ enum: Phase, enumName: 'Phase' }) phase!: Phase;
  @ApiProperty({ enum: Principle, enumName: 'Principle', isArray: true }) principles!: Principle[];
  @ApiProperty({ type: ResourceRefDto }) resource!: ResourceRefDto;
  @ApiPropertyOptional({ description: 'Set for findings about one container.' }) container?: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: EvidenceDto }) evidence!: EvidenceDto;
  @ApiProperty({ type: RemediationDto, nullable: true, description: 'Null when the check left the catalog.' })
  remediation!: RemediationDto | null;
  @ApiProperty({ description: 'Stable across assessments of the same cluster.' }) fingerprint!: string;
  @ApiProperty({ enum: TriageStatus, enumName: 'TriageStatus' }) status!: TriageStatus;
  @ApiPropertyOptional({ description: 'Why it is accepted or a false positive (triage or exception).' })
  justification?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When an accepted risk lapses.' })
  expiresAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The exception that accepted it.' })
  exceptionId?: string;
  @ApiPropertyOptional({ type: FindingSourceDto, description: 'Where the evidence is written, for files.' })
  source?: FindingSource;
}

export class FindingPageDto {
  @ApiProperty({ type: [FindingDto] }) items!: FindingDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}
