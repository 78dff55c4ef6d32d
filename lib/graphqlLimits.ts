import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

// Bounds on one GraphQL request, checked before anything runs. Payload's own complexity rule
// counts every field once, so 100 aliases of `Articles(limit: 100)` cost 300 and pass; here a
// list field costs its page size times what it selects, aliases and nesting are capped too.

export const GRAPHQL_LIMITS = {
  /** fields at the top of one operation (aliases included) */
  rootFields: 10,
  /** nesting of selections */
  depth: 8,
  /** fields × the page sizes of the lists they sit in */
  cost: 5_000,
  /** the largest `limit` a list may ask for */
  limit: 100,
  /** a list without `limit` returns Payload's default page */
  defaultLimit: 10,
} as const

type Fragments = Record<string, FragmentDefinitionNode>

function limitOf(
  args: readonly { name: { value: string }; value: { kind: string } }[] | undefined,
  variables: Record<string, unknown> | undefined,
): number | null {
  const arg = args?.find((a) => a.name.value === 'limit')
  if (!arg) return null
  const node = arg.value as { kind: string; value?: string; name?: { value: string } }
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.VARIABLE && node.name) {
    const value = Number(variables?.[node.name.value])
    return Number.isFinite(value) ? value : GRAPHQL_LIMITS.defaultLimit
  }
  return GRAPHQL_LIMITS.defaultLimit
}

type Measure = { cost: number; depth: number; maxLimit: number }

function measure(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  variables: Record<string, unknown> | undefined,
  multiplier: number,
  depth: number,
  seen: Set<string>,
): Measure {
  const result: Measure = { cost: 0, depth, maxLimit: 0 }
  for (const selection of set?.selections ?? []) {
    let inner: Measure
    if (selection.kind === Kind.FIELD) {
      const limit = limitOf(selection.arguments, variables)
      // a list (Payload's collection queries take `limit`) multiplies what it selects;
      // limit 0 means "all" to Payload
      const factor = limit === null ? 1 : limit <= 0 ? GRAPHQL_LIMITS.limit : limit
      result.maxLimit = Math.max(result.maxLimit, limit ?? 0)
      result.cost += multiplier
      inner = measure(
        selection.selectionSet,
        fragments,
        variables,
        multiplier * factor,
        depth + 1,
        seen,
      )
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, variables, multiplier, depth, seen)
    } else {
      const name = selection.name.value
      if (seen.has(name)) continue // a fragment cycle is refused by GraphQL's own rules
      inner = measure(
        fragments[name]?.selectionSet,
        fragments,
        variables,
        multiplier,
        depth,
        new Set([...seen, name]),
      )
    }
    result.cost += inner.cost
    result.depth = Math.max(result.depth, inner.depth)
    result.maxLimit = Math.max(result.maxLimit, inner.maxLimit)
  }
  return result
}

/** The validation rule that refuses requests past GRAPHQL_LIMITS, with a message saying which. */
export const graphqlLimitsRule =
  (variables?: Record<string, unknown>): ValidationRule =>
  (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Fragments = {}
      for (const def of context.getDocument().definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def
      }
      const refuse = (message: string) =>
        context.reportError(new GraphQLError(message, { nodes: [operation] }))
      if (operation.selectionSet.selections.length > GRAPHQL_LIMITS.rootFields) {
        return refuse(`一度に問い合わせられるのは${GRAPHQL_LIMITS.rootFields}件までです。`)
      }
      const m = measure(operation.selectionSet, fragments, variables, 1, 0, new Set())
      if (m.maxLimit > GRAPHQL_LIMITS.limit) {
        return refuse(`limit は${GRAPHQL_LIMITS.limit}以下にしてください。`)
      }
      if (m.depth > GRAPHQL_LIMITS.depth) {
        return refuse(`入れ子は${GRAPHQL_LIMITS.depth}段までです。`)
      }
      if (m.cost > GRAPHQL_LIMITS.cost) {
        return refuse(`問い合わせが大きすぎます(コスト${m.cost}、上限${GRAPHQL_LIMITS.cost})。`)
      }
    },
  })
