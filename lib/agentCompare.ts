import { isValidSlug } from '@/collections/shared/validators'

// The agents a reader compares side by side (/agents/compare): two or three, named by slug in
// one parameter. One set has one address whatever the order it was picked in or the form that
// sent it (`?agents=a&agents=b`, `?agents=b,a`): the slugs, once each, in alphabetical order.

export const COMPARE_PATH = '/agents/compare'
export const COMPARE_PARAM = 'agents'
export const COMPARE_MIN = 2
export const COMPARE_MAX = 3

export type CompareSelection =
  | { ok: true; slugs: string[] }
  /** nothing chosen yet, or not 2–3 agents: the reader is asked to choose again */
  | { ok: false; slugs: string[]; problem: 'none' | 'too-few' | 'too-many' }
  /** a slug no agent could have */
  | { ok: false; slugs: string[]; problem: 'invalid' }

/** The agents named by the parameter's values (each may hold several, comma-separated). */
export function parseCompare(values: string[]): CompareSelection {
  const slugs = [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((slug) => slug.trim())
        .filter(Boolean),
    ),
  ].sort()
  if (slugs.length > 20 || !slugs.every(isValidSlug)) {
    return { ok: false, slugs: [], problem: 'invalid' }
  }
  if (slugs.length === 0) return { ok: false, slugs, problem: 'none' }
  if (slugs.length < COMPARE_MIN) return { ok: false, slugs, problem: 'too-few' }
  if (slugs.length > COMPARE_MAX) return { ok: false, slugs, problem: 'too-many' }
  return { ok: true, slugs }
}

/** The canonical query of a selection: `?agents=a,b` (commas as they are), or '' for none. */
export const compareQuery = (slugs: string[]) =>
  slugs.length ? `?${COMPARE_PARAM}=${slugs.join(',')}` : ''

/** What the comparison page tells a reader whose choice cannot be compared. */
export const COMPARE_PROBLEMS = {
  none: `比較したいエージェントを${COMPARE_MIN}〜${COMPARE_MAX}社選んでください。`,
  'too-few': `もう1社以上選んでください(${COMPARE_MIN}〜${COMPARE_MAX}社を比較できます)。`,
  'too-many': `一度に比較できるのは${COMPARE_MAX}社までです。${COMPARE_MAX}社以内に絞ってください。`,
} as const
