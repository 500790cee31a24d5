/**
 * Instance metadata and host-agent endpoints that hand out cloud credentials to whoever can reach them. Many sit
 * in link-local space (refused anyway) but several do not: a unique-local IPv6 address, CGNAT space or a public
 * address would otherwise pass under a policy that allows private addresses.
 *
 * Sources:
 * - 169.254.169.254: AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle, IBM Cloud, Hetzner…
 *   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html
 * - fd00:ec2::254: AWS IMDS over IPv6 (same page).
 * - 169.254.170.2: AWS ECS task metadata and credentials.
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
 * - 169.254.170.23, fd00:ec2::23: AWS EKS Pod Identity agent.
 *   https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html
 * - fd20:ce::254: GCP metadata server over IPv6. https://cloud.google.com/compute/docs/metadata/querying-metadata
 * - 168.63.129.16: Azure WireServer (a public address). https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
 * - 100.100.100.200: Alibaba Cloud ECS metadata (CGNAT space).
 *   https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata
 * - 169.254.0.23: Tencent Cloud CVM metadata (metadata.tencentyun.com). https://www.tencentcloud.com/document/product/213/4934
 * - 169.254.42.42, fd00:42::42: Scaleway instance metadata. https://www.scaleway.com/en/developers/api/instance/user-data
 * - 192.0.0.192: Oracle Cloud Infrastructure Classic instance metadata (docs.oracle.com, Compute Classic).
 */
export const CLOUD_METADATA_ADDRESSES: readonly string[] = [
  '169.254.169.254',
  '169.254.170.2',
  '169.254.170.23',
  '169.254.0.23',
  '169.254.42.42',
  '168.63.129.16',
  '100.100.100.200',
  '192.0.0.192',
  'fd00:ec2::254',
  'fd00:ec2::23',
  'fd20:ce::254',
  'fd00:42::42',
];
