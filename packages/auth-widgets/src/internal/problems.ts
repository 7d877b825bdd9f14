import type { CommonMessages } from '../i18n/locales/en/common.js';

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

/** The fields that have a problem (`undefined`: none), as FieldProblems. */
export function fieldProblems<M>(byField: Record<string, Problem<M> | undefined>): FieldProblems<M> {
  return Object.fromEntries(Object.entries(byField).filter((entry): entry is [string, Problem<M>] => entry[1] !== undefined));
}

/**
 * Field problems first (in form order), then general ones: the error
 * summary's list. `more`: a field's further problems, listed before its own
 * (one per attached file that was refused).
 */
export function summaryOf<M>(
  fieldProblems: FieldProblems<M>,
  order: readonly string[],
  general: Problem<M>[] = [],
  more: Readonly<Record<string, readonly Problem<M>[]>> = {},
): Problem<M>[] {
  const of = (field: string) => [...(more[field] ?? []), ...(fieldProblems[field] ? [fieldProblems[field]] : [])];
  const known = order.flatMap(of);
  const others = [...new Set([...Object.keys(more), ...Object.keys(fieldProblems)])].filter((field) => !order.includes(field)).flatMap(of);
  return [...known, ...others, ...general];
}
