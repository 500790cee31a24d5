import { Posture } from '../report-model';
import { NO_CHECKS, NOT_EVALUATED, POSTURE_LABELS } from './labels';
import type { Prose } from './prose';

export const HEAT_MAP_INTRO: Prose = `Each cell is one layer (where a weakness lives) at one lifecycle phase (the earliest point where it should have
been stopped): its score out of 100, then its open findings.`;

/** What a cell has instead of a posture when none of its checks was evaluated, or none belongs to it. */
export enum CellState {
  NotEvaluated = 'not-evaluated',
  NoChecks = 'no-checks',
}

export interface LegendEntry {
  state: Posture | CellState;
  label: string;
  meaning: Prose;
}

/** The colours of the heat map (and of the principles), in the order of the posture rule. */
export const HEAT_MAP_LEGEND: readonly LegendEntry[] = [
  {
    state: Posture.Critical,
    label: POSTURE_LABELS[Posture.Critical],
    meaning: 'a critical finding is open.',
  },
  {
    state: Posture.Poor,
    label: POSTURE_LABELS[Posture.Poor],
    meaning: 'a high-severity finding is open, or the score is below 60.',
  },
  {
    state: Posture.Fair,
    label: POSTURE_LABELS[Posture.Fair],
    meaning: 'medium-severity findings are open, or the score is below 85.',
  },
  {
    state: Posture.Good,
    label: POSTURE_LABELS[Posture.Good],
    meaning: 'a score of 85 or more, and nothing of medium severity or worse open.',
  },
  {
    state: CellState.NotEvaluated,
    label: NOT_EVALUATED,
    meaning: "the input did not allow evaluating any of the cell's checks (section 7).",
  },
  {
    state: CellState.NoChecks,
    label: NO_CHECKS,
    meaning: `no check belongs to the cell. Node images and kernels are built outside the cluster, so
nothing in the Kubernetes API describes the system layer's develop phase.`,
  },
];
