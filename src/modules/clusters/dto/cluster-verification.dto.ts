import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ResourceAccessDto {
  @ApiProperty({ example: 'RoleBinding' })
  kind!: string;

  @ApiProperty({ description: "API group; '' for the core group.", example: 'rbac.authorization.k8s.io' })
  group!: string;

  @ApiProperty({ example: 'rolebindings' })
  resource!: string;

  @ApiProperty({ description: 'Whether the credentials may list it across all namespaces.' })
  allowed!: boolean;

  @ApiPropertyOptional({ description: "The authorizer's reason, when it gave one." })
  reason?: string;
}

export class ClusterVerificationDto {
  @ApiProperty({ format: 'date-time' })
  verifiedAt!: string;

  @ApiPropertyOptional({ example: 'v1.30.2' })
  serverVersion?: string;

  @ApiProperty({
    type: [String],
    description: 'Platforms the answers point to (EKS, GKE, AKS, OpenShift, k3s, RKE2), most specific first.',
  })
  platforms!: string[];

  @ApiProperty({ type: [ResourceAccessDto], description: 'Every resource the collector lists.' })
  resources!: ResourceAccessDto[];

  @ApiProperty({ type: ResourceAccessDto, description: 'Secrets (listed as metadata only, when opted in).' })
  secretMetadata!: ResourceAccessDto;
}
