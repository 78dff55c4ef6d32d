import { own } from './own'
import { AGE_BANDS, EXPERIENCE_YEARS, GENDERS, INDUSTRIES } from './taxonomy'

// A review's attribute chips (年代・性別・業界・経験年数) must never single a person out. The
// rule, also stated on /review-guidelines: when fewer than MIN_GROUP published reviews of the
// same agent share what a review's chips show, the rarest chip is shown coarser (30代 →
// 20〜30代, 実務経験1~3年 → 実務経験3年未満) or not at all, one step at a time, until at
// least MIN_GROUP reviews share them. The agent stores how many of its published reviews have
// each combination of answers (ratingDetails.attributeGroups, lib/reviewAggregates.ts); the
// same counts decide what a review shows and which reviews an attribute filter may list.

export const MIN_GROUP = 3

export const ATTRIBUTE_FIELDS = ['ageBand', 'gender', 'industry', 'experienceYears'] as const
export type AttributeField = (typeof ATTRIBUTE_FIELDS)[number]
export type Attributes = Partial<Record<AttributeField, string | null>>
/** How many published reviews have each combination of answers (by attributeKey). */
export type AttributeGroups = Record<string, number>

const NAMES: Record<AttributeField, Readonly<Record<string, string>>> = {
  ageBand: AGE_BANDS,
  gender: GENDERS,
  industry: INDUSTRIES,
  experienceYears: EXPERIENCE_YEARS,
}

/** Coarser groupings of each attribute, in order; after the last the attribute is hidden. */
const COARSER: Record<AttributeField, Readonly<Record<string, string>>[]> = {
  ageBand: [{ '20s': '20〜30代', '30s': '20〜30代', '40s': '40代以上', '50s_plus': '40代以上' }],
  gender: [],
  industry: [],
  experienceYears: [
    {
      lt1: '実務経験3年未満',
      '1_3': '実務経験3年未満',
      '3_5': '実務経験3年以上',
      '5_10': '実務経験3年以上',
      '10_plus': '実務経験3年以上',
    },
  ],
}

const NO_ANSWER = 'no_answer'
const HIDDEN = null

const answer = (field: AttributeField, value: string | null | undefined): string =>
  value && value !== NO_ANSWER && own(NAMES[field], value) ? value : NO_ANSWER

/** The key of a review's combination of answers, e.g. `30s|female|it|1_3`. */
export const attributeKey = (review: Attributes): string =>
  ATTRIBUTE_FIELDS.map((field) => answer(field, review[field])).join('|')

const parseKey = (key: string): Record<AttributeField, string> => {
  const parts = key.split('|')
  return Object.fromEntries(
    ATTRIBUTE_FIELDS.map((field, i) => [field, answer(field, parts[i])]),
  ) as Record<AttributeField, string>
}

/** What a field shows at a level of coarseness: a label, or null when hidden or unanswered. */
function shownAs(field: AttributeField, value: string, level: number): string | null {
  if (value === NO_ANSWER) return HIDDEN
  if (level === 0) return own(NAMES[field], value) ?? HIDDEN
  return own(COARSER[field][level - 1] ?? {}, value) ?? HIDDEN
}

export type Levels = Record<AttributeField, number>

/** How coarsely each of a combination's attributes is shown (0 = as answered). */
export function disclosureLevels(key: string, groups: AttributeGroups): Levels {
  const me = parseKey(key)
  const entries = Object.entries(groups)
    .filter(([, count]) => count > 0)
    .map(([other, count]) => [parseKey(other), count] as const)
  const levels: Levels = { ageBand: 0, gender: 0, industry: 0, experienceYears: 0 }
  const same = (other: Record<AttributeField, string>, field: AttributeField) =>
    shownAs(field, other[field], levels[field]) === shownAs(field, me[field], levels[field])
  const sharing = (fields: readonly AttributeField[]) =>
    entries.reduce(
      (sum, [other, count]) => (fields.every((f) => same(other, f)) ? sum + count : sum),
      0,
    )

  while (sharing(ATTRIBUTE_FIELDS) < MIN_GROUP) {
    const shown = ATTRIBUTE_FIELDS.filter((f) => shownAs(f, me[f], levels[f]) !== HIDDEN)
    if (shown.length === 0) break
    // the rarest shown chip goes one step coarser (ties: the later field first)
    let rarest = shown[shown.length - 1]
    let fewest = sharing([rarest])
    for (const field of shown.slice(0, -1).reverse()) {
      const n = sharing([field])
      if (n < fewest) [rarest, fewest] = [field, n]
    }
    levels[rarest] += 1
  }
  return levels
}

/**
 * The chips a review shows: 「30代女性」「IT・通信」「実務経験1~3年」, coarser or fewer where
 * the rule above requires, and what the rule changed: an answer shown coarser (`coarsened`),
 * an answer left out (`withheld`). Unanswered attributes are neither: nothing was changed.
 */
export function publicChips(
  review: Attributes,
  groups: AttributeGroups,
): { chips: string[]; coarsened: boolean; withheld: boolean } {
  const key = attributeKey(review)
  const me = parseKey(key)
  const levels = disclosureLevels(key, groups)
  const label = (field: AttributeField) => shownAs(field, me[field], levels[field])
  const changed = ATTRIBUTE_FIELDS.filter((f) => me[f] !== NO_ANSWER && levels[f] > 0)
  const age = label('ageBand')
  const gender = label('gender')
  const person = age && gender ? `${age}${gender}` : age || gender
  return {
    chips: [person, label('industry'), label('experienceYears')].filter((chip): chip is string =>
      Boolean(chip),
    ),
    coarsened: changed.some((f) => label(f) !== HIDDEN),
    withheld: changed.some((f) => label(f) === HIDDEN),
  }
}

/**
 * The combinations an attribute filter may list: those whose reviews show every filtered
 * attribute as answered (a review shown coarser is not listed under its finer answer, or the
 * filter would reveal what the chips hide).
 */
export function keysShowing(
  filters: Partial<Record<AttributeField, string>>,
  groups: AttributeGroups,
): string[] {
  const fields = ATTRIBUTE_FIELDS.filter((f) => filters[f] !== undefined)
  return Object.keys(groups).filter((key) => {
    const me = parseKey(key)
    if (!fields.every((f) => me[f] === filters[f])) return false
    const levels = disclosureLevels(key, groups)
    return fields.every((f) => levels[f] === 0)
  })
}
