import type { ProsePart } from './prose';

/** How the assessment works, for readers of the report: it describes `scoring.ts` and `build-report.ts`. */
export const METHODOLOGY: readonly ProsePart[] = [
  {
    heading: 'The model',
    blocks: [
      {
        paragraph: `Every check sits at one place in a three-dimensional model, so that a finding says where a weakness lives, when
it should have been caught, and which security principle it breaks.`,
      },
      { paragraph: '**Layers**: where the weakness lives, and what a compromise reaches.' },
      {
        list: [
          `**Application**: a workload's own configuration: its containers' security context, images, resources and
probes, its secrets, its use of a service account.`,
          `**Orchestrator**: Kubernetes objects that govern many workloads: RBAC, admission (Pod Security Admission,
policy engines, webhooks), network policies and Service exposure, namespaces, API server and etcd settings,
the Kubernetes version.`,
          `**System**: what reaches the node: host namespaces and ports, host paths, kernel settings, node operating
system, kernel, container runtime and kubelet versions, sandboxed runtimes.`,
        ],
      },
      {
        paragraph: `**Lifecycle phases** (CNCF cloud native security lifecycle): the earliest point where the weakness should have
been stopped.`,
      },
      {
        list: [
          '**Develop**: authoring mistakes that a review of the manifests or charts catches.',
          `**Distribute**: what is shipped: image tags, digests and registries, and out-of-support versions of
Kubernetes and node software.`,
          '**Deploy**: admission and placement: what gates or shapes what may run.',
          '**Runtime**: how what is running now is isolated and privileged.',
        ],
      },
      {
        paragraph: `The system layer's develop phase stays empty on purpose: node images and kernels are built outside the cluster,
and nothing in the Kubernetes API describes that pipeline.`,
      },
      { paragraph: '**Principles**: what a check protects. A check may serve several.' },
      {
        list: [
          '**Authentication**: who is calling: anonymous access, credentials and service account tokens.',
          '**Authorization**: what a caller may do: RBAC roles and bindings.',
          '**Auditing**: whether actions are recorded and can be traced.',
          '**Admission**: what may be created: Pod Security Admission, policy engines, admission webhooks.',
          '**Least privilege**: each workload and subject holds only the rights it needs.',
          `**Zero trust**: no trust granted for being on the network or merely logged in: network policies, encryption,
bindings to all users.`,
          '**Isolation**: workloads kept apart from each other and from the node.',
        ],
      },
    ],
  },
  {
    heading: 'Results',
    blocks: [
      {
        paragraph: `Each check ends in one of four results. **Failed**: at least one open finding. **Passed**: it evaluated at
least one target and found nothing open. **Not applicable**: nothing of the kind it looks at exists (no
Ingress, for example). **Not evaluated**: the input could not give what it needs, and the reason is stated in
section 7. Not applicable and not evaluated checks never count as passed and are left out of every score.`,
      },
      {
        paragraph: `A finding is one check failing on one resource (and container, where the check looks at containers), with the
evidence: the field that was found at fault. Findings accepted as risks or marked false positives (section 8)
do not fail a check.`,
      },
    ],
  },
  {
    heading: 'Scores',
    blocks: [
      {
        paragraph: `A score is the severity-weighted share of the evaluated checks that passed, from 0 to 100, rounded to one
decimal: 100 × (weight of the checks that passed) ÷ (weight of the checks that passed or failed). The weights
are 10 for a critical check, 5 for high, 2 for medium, 1 for low and 0.5 for info. A check weighs the same
whether it fails on one resource or on a hundred: the open findings show the extent. The overall score counts
every check, a heat-map cell the checks of its layer and phase, a principle the checks that serve it.`,
      },
      {
        paragraph: `The posture, for the whole cluster, a heat-map cell or a principle, follows from its open findings and its
score: **critical** when a critical finding is open; otherwise **poor** when a high finding is open or the
score is below 60; **good** when the score is 85 or more and nothing of medium severity or worse is open;
**fair** otherwise.`,
      },
      {
        paragraph:
          "A framework's pass rate is passed ÷ (passed + failed) over the checks that cite one of its controls.",
      },
    ],
  },
  {
    heading: 'Priorities',
    blocks: [
      {
        paragraph: `Checks are ordered by severity, then by the number of resources they fail on. The top risks are the first five.
A fix is a quick win when it changes a workload's own manifest (the application layer) with a patch shown in
the plan; everything else is structural work on the platform.`,
      },
    ],
  },
];
