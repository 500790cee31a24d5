import type { Prose } from './prose';

export const PRINCIPLES_INTRO: Prose =
  'The same checks, seen by the security principle they serve; a check serving several principles counts under each.';

export const FRAMEWORKS_INTRO: Prose = `Checks that cite a control of each framework. The pass rate is passed ÷ (passed + failed): a check that could
not be evaluated never counts as passed. This measures the controls this assessment implements; it is not a
certification against the framework.`;
