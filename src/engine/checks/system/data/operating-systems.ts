/**
 * End of (free) support of node operating systems, matched against a Node's `status.nodeInfo.osImage`.
 *
 * Sources: ubuntu.com/about/release-cycle (end of standard support), wiki.debian.org/LTS (end of Debian LTS),
 * access.redhat.com/support/policy/updates/errata (end of Maintenance Support; Extended Life-cycle Support is a
 * paid add-on), centos.org (CentOS Linux and Stream end of life), aws.amazon.com/amazon-linux-2/faqs (end of
 * support), suse.com/lifecycle (end of general support). Container-optimised systems that update themselves
 * (Bottlerocket, Container-Optimized OS, Flatcar, Talos) are not listed.
 *
 * The engine has no clock: images are judged as of `asOf` (see kubernetes-releases.ts).
 */
export const OPERATING_SYSTEMS = {
  asOf: '2026-11-27',
  endOfLife: [
    {
      name: 'Ubuntu 14.04 LTS',
      pattern: /^Ubuntu 14\.04\b/,
      endOfLife: '2019-04-30',
      support: 'standard support',
    },
    {
      name: 'Ubuntu 16.04 LTS',
      pattern: /^Ubuntu 16\.04\b/,
      endOfLife: '2021-04-30',
      support: 'standard support',
    },
    {
      name: 'Ubuntu 18.04 LTS',
      pattern: /^Ubuntu 18\.04\b/,
      endOfLife: '2023-05-31',
      support: 'standard support',
    },
    {
      name: 'Ubuntu 20.04 LTS',
      pattern: /^Ubuntu 20\.04\b/,
      endOfLife: '2025-05-31',
      support: 'standard support',
    },
    { name: 'Debian 9', pattern: /^Debian GNU\/Linux 9\b/, endOfLife: '2022-06-30', support: 'LTS' },
    { name: 'Debian 10', pattern: /^Debian GNU\/Linux 10\b/, endOfLife: '2024-06-30', support: 'LTS' },
    { name: 'Debian 11', pattern: /^Debian GNU\/Linux 11\b/, endOfLife: '2026-08-31', support: 'LTS' },
    { name: 'CentOS Linux 7', pattern: /^CentOS Linux 7\b/, endOfLife: '2024-06-30', support: 'updates' },
    { name: 'CentOS Linux 8', pattern: /^CentOS Linux 8\b/, endOfLife: '2021-12-31', support: 'updates' },
    { name: 'CentOS Stream 8', pattern: /^CentOS Stream 8\b/, endOfLife: '2024-05-31', support: 'updates' },
    {
      name: 'Red Hat Enterprise Linux 6',
      pattern: /^Red Hat Enterprise Linux(?: Server)? 6\./,
      endOfLife: '2020-11-30',
      support: 'maintenance support',
    },
    {
      name: 'Red Hat Enterprise Linux 7',
      pattern: /^Red Hat Enterprise Linux(?: Server)? 7\./,
      endOfLife: '2024-06-30',
      support: 'maintenance support',
    },
    { name: 'Amazon Linux AMI', pattern: /^Amazon Linux AMI\b/, endOfLife: '2023-12-31', support: 'support' },
    { name: 'Amazon Linux 2', pattern: /^Amazon Linux 2(?!\d)/, endOfLife: '2026-06-30', support: 'support' },
    {
      name: 'SUSE Linux Enterprise Server 12',
      pattern: /^SUSE Linux Enterprise Server 12\b/,
      endOfLife: '2024-10-31',
      support: 'general support',
    },
  ],
} as const;
