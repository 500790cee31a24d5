/** The report's title, on its cover. */
export const REPORT_TITLE = 'Kubernetes security assessment';

export const CONTENTS_TITLE = 'Contents';

/** The report's sections, in order. */
export const SECTION_TITLES = {
  executive: '1. Executive summary',
  heatMap: '2. Layer × phase heat map',
  principles: '3. Principles',
  frameworks: '4. Framework coverage',
  findings: '5. Findings by check',
  remediation: '6. Remediation plan',
  limitations: '7. Coverage gaps and limitations',
  triage: '8. Triage decisions',
  methodology: 'Appendix A. Methodology',
  glossary: 'Appendix B. Glossary',
  appendix: 'Appendix C. All findings',
} as const;

export type SectionKey = keyof typeof SECTION_TITLES;
