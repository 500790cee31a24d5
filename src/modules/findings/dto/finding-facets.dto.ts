import { ApiProperty, ApiSchema } from '@nestjs/swagger';

export class FacetCountDto {
  @ApiProperty() value!: string;
  @ApiProperty({ minimum: 1 }) count!: number;
}

export class NamespaceCountDto {
  @ApiProperty({ type: String, nullable: true, description: 'Null for cluster-scoped resources.' })
  value!: string | null;

  @ApiProperty({ minimum: 1 }) count!: number;
}

const FACETS_DESCRIPTION =
  'The counts of `GET /v1/assessments/:id/findings/facets`, which takes the filters of the findings listing ' +
  '(not its sort, cursor or limit): how many findings matching all the given filters have each severity, ' +
  'status, layer, phase, check and namespace. Each facet lists the values present, most findings first (ties ' +
  'by value); a value no matching finding has is absent.';

@ApiSchema({ description: FACETS_DESCRIPTION })
export class FindingFacetsDto {
  @ApiProperty({ description: 'Findings matching the filters.' }) total!: number;
  @ApiProperty({ type: [FacetCountDto], description: 'Values are severities.' }) severity!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto], description: 'Values are triage statuses.' })
  status!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto], description: 'Values are layers.' }) layer!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto], description: 'Values are phases.' }) phase!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto], description: 'Values are check ids.' }) check!: FacetCountDto[];
  @ApiProperty({ type: [NamespaceCountDto] }) namespace!: NamespaceCountDto[];
}
