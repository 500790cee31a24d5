import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Framework, Layer, Phase } from '../../../engine/model';

const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const CHECK_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Which checks run and on which namespaces; every list empty or absent means "all". */
export class AssessmentProfileDto {
  @ApiPropertyOptional({ enum: Layer, enumName: 'Layer', isArray: true })
  @IsOptional()
  @IsArray()
  @IsEnum(Layer, { each: true })
  layers?: Layer[];

  @ApiPropertyOptional({ enum: Phase, enumName: 'Phase', isArray: true })
  @IsOptional()
  @IsArray()
  @IsEnum(Phase, { each: true })
  phases?: Phase[];

  @ApiPropertyOptional({
    enum: Framework,
    enumName: 'Framework',
    isArray: true,
    description: 'Only checks citing at least one of these frameworks.',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(Framework, { each: true })
  frameworks?: Framework[];

  @ApiPropertyOptional({ type: [String], maxItems: 500, description: 'Namespaces to assess.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(NAMESPACE, { each: true, message: 'each namespace must be a DNS label' })
  namespaces?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 500, description: 'Check ids from GET /v1/checks.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(CHECK_ID, { each: true, message: 'each check must be a check id' })
  checks?: string[];
}

export class CreateAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  engagementId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clusterId!: string;

  @ApiPropertyOptional({ type: AssessmentProfileDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssessmentProfileDto)
  profile?: AssessmentProfileDto;
}
