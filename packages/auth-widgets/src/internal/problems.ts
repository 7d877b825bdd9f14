import type { CommonMessages } from '../i18n/en/common.js';

/**
 * A problem to show: kept as a function of the catalog, not as text, so the
 * messages on screen change language with the element.
 */
export interface Problem<M = CommonMessages> {
  /** The field it is about (its id suffix); the summary item then links to it. */
  field?: string;
  text: (t: M, formatTime: (date: Date) => string) => string;
}

export type FieldProblems<M = CommonMessages> = Record<string, Problem<M>>;

/** Field problems first (in form order), then general ones: the error summary's list. */
export function summaryOf<M>(fieldProblems: FieldProblems<M>, order: readonly string[], general: Problem<M>[] = []): Problem<M>[] {
  const known = order.filter((field) => fieldProblems[field]).map((field) => fieldProblems[field]!);
  const others = Object.keys(fieldProblems)
    .filter((field) => !order.includes(field))
    .map((field) => fieldProblems[field]!);
  return [...known, ...others, ...general];
}
