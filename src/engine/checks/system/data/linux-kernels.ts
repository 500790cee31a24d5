/**
 * Upstream Linux kernel lines and well-known container escapes fixed in them.
 *
 * Sources: kernel.org/category/releases.html (longterm lines and their projected end of life, given by month;
 * the last day of that month is used) and the stable-tree changelogs / CVE records for the fixes. Fixes are
 * given as upstream stable versions: distribution kernels that backport fixes without changing that number
 * (Ubuntu, Debian, RHEL and its rebuilds, SUSE, Oracle UEK) cannot be judged by it.
 *
 * The engine has no clock: lines are judged as maintained or not as of `asOf` (see kubernetes-releases.ts).
 */
export const LINUX_KERNELS = {
  asOf: '2026-11-27',
  /** Longterm lines. Any other line up to `newestKnownLine` stopped getting fixes soon after the next release. */
  longterm: [
    { line: '4.14', endOfLife: '2024-01-31' },
    { line: '4.19', endOfLife: '2024-12-31' },
    { line: '5.4', endOfLife: '2025-12-31' },
    { line: '5.10', endOfLife: '2026-12-31' },
    { line: '5.15', endOfLife: '2026-12-31' },
    { line: '6.1', endOfLife: '2027-12-31' },
    { line: '6.6', endOfLife: '2026-12-31' },
    { line: '6.12', endOfLife: '2026-12-31' },
  ],
  /** Lines newer than this are not judged: the data does not know whether they are longterm. */
  newestKnownLine: '6.17',
  containerEscapes: [
    {
      cve: 'CVE-2022-0847',
      name: 'Dirty Pipe',
      introducedIn: '5.8',
      fixedInMainline: '5.17',
      fixedIn: ['5.10.102', '5.15.25', '5.16.11'],
    },
    {
      cve: 'CVE-2022-0185',
      name: 'fs_context heap overflow',
      introducedIn: '5.1',
      fixedInMainline: '5.17',
      fixedIn: ['5.4.173', '5.10.93', '5.15.16', '5.16.2'],
    },
    {
      cve: 'CVE-2022-0492',
      name: 'cgroup v1 release_agent',
      introducedIn: '2.6',
      fixedInMainline: '5.17',
      fixedIn: ['4.9.301', '4.14.266', '4.19.229', '5.4.177', '5.10.97', '5.15.20', '5.16.6'],
    },
  ],
} as const;
