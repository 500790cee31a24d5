/**
 * End of life of upstream Kubernetes minor releases: the date after which the release team publishes no more
 * patch releases for it.
 *
 * Source: kubernetes.io/releases and kubernetes.io/releases/patch-releases ("End of Life" column). Entries marked
 * `projected` were announced before their release ended and may move. Minors older than the first entry are long
 * past end of life; minors newer than the last entry are not judged (the data does not know them yet).
 *
 * The engine has no clock: checks compare against these windows as of `asOf`, so the same inventory always gives
 * the same findings. Moving the judgement forward means refreshing this file and its `asOf` date.
 */
export const KUBERNETES_RELEASES = {
  asOf: '2026-11-27',
  endOfLife: [
    { minor: 19, endOfLife: '2021-10-28' },
    { minor: 20, endOfLife: '2022-02-28' },
    { minor: 21, endOfLife: '2022-06-28' },
    { minor: 22, endOfLife: '2022-10-28' },
    { minor: 23, endOfLife: '2023-02-28' },
    { minor: 24, endOfLife: '2023-07-28' },
    { minor: 25, endOfLife: '2023-10-28' },
    { minor: 26, endOfLife: '2024-02-28' },
    { minor: 27, endOfLife: '2024-06-28' },
    { minor: 28, endOfLife: '2024-10-28' },
    { minor: 29, endOfLife: '2025-02-28' },
    { minor: 30, endOfLife: '2025-06-28' },
    { minor: 31, endOfLife: '2025-10-28' },
    { minor: 32, endOfLife: '2026-02-28' },
    { minor: 33, endOfLife: '2026-06-28' },
    { minor: 34, endOfLife: '2026-10-27' },
    { minor: 35, endOfLife: '2027-02-28', projected: true },
    { minor: 36, endOfLife: '2027-06-28', projected: true },
  ],
  /**
   * Version skew policy (kubernetes.io/releases/version-skew-policy): a kubelet may be up to this many minors
   * older than kube-apiserver; three since Kubernetes 1.28, two before.
   */
  kubeletSkew: [
    { fromApiServerMinor: 28, maxMinorsBehind: 3 },
    { fromApiServerMinor: 0, maxMinorsBehind: 2 },
  ],
} as const;
