import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CatalogEntry } from '../../../engine/catalog-entry';
import { Layer, Phase, Principle, Severity } from '../../../engine/model';

export class RemediationDto {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'A YAML fragment showing the fix, as it would be merged into the resource.' })
  patch!: string;
}

/** Framework ids only: CIS benchmark, NSA/CISA guide sections, MITRE ATT&CK, Polaris, kubescape. */
export class CheckReferencesDto {
  @ApiPropertyOptional({ type: [String] }) cis?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) nsa?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) mitre?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) polaris?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) kubescape?: readonly string[];
}

export class CheckDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: Severity, enumName: 'Severity' }) severity!: Severity;
  @ApiProperty({ enum: Layer, enumName: 'Layer' }) layer!: Layer;
  @ApiProperty({ enum: Phase, enumName: 'Phase' }) phase!: Phase;
  @ApiProperty({ enum: Principle, enumName: 'Principle', isArray: true }) principles!: readonly Principle[];
  @ApiProperty({ type: CheckReferencesDto }) references!: CheckReferencesDto;
  @ApiProperty() rationale!: string;
  @ApiProperty({ type: RemediationDto }) remediation!: RemediationDto;

  static from(entry: CatalogEntry): CheckDto {
    return entry;
  }
}
