import type { Prose } from './prose';

export interface GlossaryEntry {
  term: string;
  meaning: Prose;
}

/** The terms a client's reader meets in the report, in alphabetical order. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'Accepted risk',
    meaning:
      'A finding the client has decided to live with, with a justification and usually an expiry date.',
  },
  {
    term: 'Admission control',
    meaning: 'The Kubernetes step that accepts, changes or refuses an object before it is stored.',
  },
  {
    term: 'Check',
    meaning:
      'One rule that the assessment applies to the cluster, with its severity, place in the model and fix.',
  },
  {
    term: 'CIS Kubernetes Benchmark',
    meaning: "The Center for Internet Security's consensus configuration guide for Kubernetes.",
  },
  {
    term: 'Coverage gap',
    meaning: 'Something the assessment could not read (for example a kind its credentials may not list).',
  },
  { term: 'Evidence', meaning: 'The field of the resource that the check found at fault.' },
  {
    term: 'Exception',
    meaning: 'A waiver written before the scan: it accepts matching findings until it expires.',
  },
  { term: 'False positive', meaning: 'A finding that, on review, does not describe a real weakness.' },
  { term: 'Finding', meaning: 'One check failing on one resource, or one container of it.' },
  { term: 'Heat map', meaning: 'The table of scores by layer and lifecycle phase (section 2).' },
  { term: 'Layer', meaning: 'Where a weakness lives: application, orchestrator or system.' },
  {
    term: 'Lifecycle phase',
    meaning: 'When a weakness should have been stopped: develop, distribute, deploy or runtime.',
  },
  {
    term: 'MITRE ATT&CK',
    meaning: "A catalog of attackers' techniques; its containers matrix covers Kubernetes.",
  },
  { term: 'Not applicable', meaning: 'A check with nothing to look at in this cluster.' },
  {
    term: 'Not evaluated',
    meaning: 'A check the assessment could not run on this input; never counted as passed.',
  },
  {
    term: 'NSA/CISA guidance',
    meaning:
      'The Kubernetes Hardening Guidance of the US National Security Agency and Cybersecurity and Infrastructure Security Agency.',
  },
  {
    term: 'Pod Security Admission',
    meaning: 'The built-in admission controller that enforces the Pod Security Standards per namespace.',
  },
  {
    term: 'Posture',
    meaning: 'Critical, poor, fair or good: where the cluster, a cell or a principle stands (Appendix A).',
  },
  {
    term: 'Principle',
    meaning: 'The security property a check protects, such as least privilege or isolation.',
  },
  { term: 'Quick win', meaning: "A fix to a workload's own manifest, shown as a YAML patch." },
  {
    term: 'RBAC',
    meaning: 'Role-based access control: the roles and bindings that say who may do what in the cluster.',
  },
  {
    term: 'Score',
    meaning: 'The severity-weighted share of evaluated checks that passed, from 0 to 100 (Appendix A).',
  },
  { term: 'Service account', meaning: 'The identity a pod uses to call the Kubernetes API.' },
  { term: 'Severity', meaning: 'How much harm a weakness allows: critical, high, medium, low or info.' },
  {
    term: 'Structural work',
    meaning: 'A change to the platform (policies, RBAC design, nodes) rather than to one workload.',
  },
];
