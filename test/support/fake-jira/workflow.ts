export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusCategory {
  id: number;
  key: StatusCategoryKey;
  name: string;
  colorName: string;
}

export interface Status {
  id: string;
  name: string;
  description: string;
  category: StatusCategory;
  /** The id of the transition that leads here. */
  transitionId: string;
}

const TO_DO_CATEGORY: StatusCategory = { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' };
const IN_PROGRESS_CATEGORY: StatusCategory = {
  id: 4,
  key: 'indeterminate',
  name: 'In Progress',
  colorName: 'yellow',
};
const DONE_CATEGORY: StatusCategory = { id: 3, key: 'done', name: 'Done', colorName: 'green' };

/**
 * Jira's default simplified workflow: To Do → In Progress → Done, each status reachable from any other
 * by a global transition named after it (ids 11, 21, 31 as Jira numbers them).
 */
export const STATUSES: readonly Status[] = [
  {
    id: '10000',
    name: 'To Do',
    description: 'Work that has not been started.',
    category: TO_DO_CATEGORY,
    transitionId: '11',
  },
  {
    id: '3',
    name: 'In Progress',
    description: 'The issue is currently being worked on.',
    category: IN_PROGRESS_CATEGORY,
    transitionId: '21',
  },
  {
    id: '10001',
    name: 'Done',
    description: 'Work has been completed on this issue.',
    category: DONE_CATEGORY,
    transitionId: '31',
  },
];

export const STATUS_CATEGORIES: readonly StatusCategory[] = [
  TO_DO_CATEGORY,
  IN_PROGRESS_CATEGORY,
  DONE_CATEGORY,
];

export const INITIAL_STATUS = STATUSES[0] as Status;

export function statusNamed(name: string): Status | undefined {
  const wanted = name.toLowerCase();
  return STATUSES.find((status) => status.name.toLowerCase() === wanted || status.id === name);
}

/** The transitions open from a status: to every other one. */
export function transitionsFrom(current: Status): Status[] {
  return STATUSES.filter((status) => status.id !== current.id);
}

export function transitionTarget(current: Status, transitionId: string): Status | undefined {
  return transitionsFrom(current).find((status) => status.transitionId === transitionId);
}
