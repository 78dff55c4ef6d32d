import { COMPARE_MAX, COMPARE_MIN, COMPARE_PARAM, COMPARE_PATH } from '@/lib/agentCompare'
import { AGENT_KINDS } from '@/lib/taxonomy'
import type { Agent } from '@/payload-types'

type Props = {
  agents: Pick<Agent, 'id' | 'slug' | 'name' | 'kind' | 'ratingAverage' | 'reviewCount'>[]
  /** the slugs already ticked (a choice to correct) */
  chosen?: string[]
}

/**
 * Tick two or three agents and compare them: a plain GET form to the comparison page, so it
 * works without JavaScript (the page tidies the address the form sends).
 */
export function ComparePicker({ agents, chosen = [] }: Props) {
  const kinds = (Object.keys(AGENT_KINDS) as (keyof typeof AGENT_KINDS)[]).filter((kind) =>
    agents.some((a) => a.kind === kind),
  )
  return (
    <form action={COMPARE_PATH} method="get" className="mt-4 space-y-4">
      {kinds.map((kind) => (
        <fieldset key={kind}>
          <legend className="font-bold">{AGENT_KINDS[kind]}</legend>
          <ul className="mt-1">
            {agents
              .filter((a) => a.kind === kind)
              .map((agent) => (
                <li key={agent.id}>
                  <label className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      name={COMPARE_PARAM}
                      value={agent.slug}
                      defaultChecked={chosen.includes(agent.slug)}
                      className="h-5 w-5"
                    />
                    <span>
                      {agent.name}
                      <span className="ml-2 text-sm text-slate-600">
                        {(agent.ratingAverage ?? 0).toFixed(1)}(口コミ{agent.reviewCount ?? 0}件)
                      </span>
                    </span>
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>
      ))}
      <button
        type="submit"
        className="min-h-11 rounded-lg bg-brand-700 px-5 font-bold text-white hover:bg-brand-900"
      >
        選んだエージェントを比較する({COMPARE_MIN}〜{COMPARE_MAX}社)
      </button>
    </form>
  )
}
