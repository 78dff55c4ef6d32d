import type { FlattenedBlock, FlattenedField, SanitizedCollectionConfig } from 'payload'

// Every where path a collection has, read from its sanitized field tree, for the API's
// hostile-input test (tests/int/apiQueryPaths.int.spec.ts): the fields through groups, tabs,
// arrays and blocks, the insides of rich text and JSON, one hop through each relationship,
// upload and join, and made-up paths a stranger might send. A field added to a collection is
// tried without editing a test.

/** A where path and what it ends on: a field's type, or `unknown` for a made-up path. */
export type FieldPath = {
  path: string
  type: string
  /** a select's or radio's first option, a value the field can hold */
  option?: string
}

type Collections = Record<string, { config: SanitizedCollectionConfig }>

const optionOf = (field: FlattenedField): string | undefined => {
  if (field.type !== 'select' && field.type !== 'radio') return undefined
  const first = field.options[0]
  return typeof first === 'string' ? first : first?.value
}

const blocksOf = (field: FlattenedField, blocks: readonly FlattenedBlock[]): FlattenedBlock[] => {
  if (field.type !== 'blocks') return []
  const referenced = (field.blockReferences ?? []).map((block) =>
    typeof block === 'string' ? blocks.find((b) => b.slug === block) : block,
  )
  return [...field.blocks, ...referenced].filter((b): b is FlattenedBlock => Boolean(b))
}

/** The related collections a relationship, upload or join field reaches. */
const relatedSlugs = (field: FlattenedField): string[] => {
  if (field.type === 'join')
    return Array.isArray(field.collection) ? field.collection : [field.collection]
  if (field.type === 'relationship' || field.type === 'upload') {
    return Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
  }
  return []
}

function walk(
  fields: readonly FlattenedField[],
  prefix: string,
  hops: number,
  ctx: { collections: Collections; blocks: readonly FlattenedBlock[] },
): FieldPath[] {
  const out: FieldPath[] = []
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    out.push({ path, type: field.type, option: optionOf(field) })
    if ('flattenedFields' in field) out.push(...walk(field.flattenedFields, `${path}.`, hops, ctx))
    for (const block of blocksOf(field, ctx.blocks)) {
      out.push(
        { path: `${path}.blockType`, type: 'text', option: block.slug },
        ...walk(block.flattenedFields, `${path}.`, hops, ctx),
      )
    }
    if (field.type === 'richText') {
      // the editor's JSON: what a Lexical document holds at its root and in its nodes
      for (const inside of ['root', 'root.type', 'root.children', 'root.children.type'])
        out.push({ path: `${path}.${inside}`, type: 'json' })
      out.push({ path: `${path}.root.children.0.children.0.text`, type: 'json' })
    }
    if (field.type === 'json') {
      out.push({ path: `${path}.key`, type: 'json' }, { path: `${path}.key.inner`, type: 'json' })
    }
    const related = relatedSlugs(field)
    if (related.length > 1) {
      for (const inside of ['relationTo', 'value', 'value.id'])
        out.push({ path: `${path}.${inside}`, type: inside === 'relationTo' ? 'text' : field.type })
    }
    if (related.length > 0) {
      out.push({ path: `${path}.id`, type: 'id' })
      // one hop into each related collection's own fields (deeper hops repeat the same code)
      if (hops > 0) {
        for (const slug of related) {
          const config = ctx.collections[slug]?.config
          if (config) out.push(...walk(config.flattenedFields, `${path}.`, hops - 1, ctx))
        }
      }
    }
  }
  return out
}

/** Paths no collection has: unknown names, inherited names, markup and absurd depth. */
function bogusPaths(fields: readonly FlattenedField[]): FieldPath[] {
  const first = fields.find((f) => f.type === 'text')?.name ?? fields[0]?.name ?? 'id'
  return [
    'noSuchField',
    '__proto__',
    'constructor',
    'constructor.prototype',
    '__proto__.polluted',
    `${first}.__proto__`,
    `${first}.noSuchField`,
    `${first}__noSuchField`,
    `${first}.`,
    `.${first}`,
    '_id',
    `version.${first}`,
    'id.id',
    Array.from({ length: 40 }, (_, i) => `level${i}`).join('.'),
    `${first}.${'a.'.repeat(200)}b`,
    '<script>alert(1)</script>',
  ].map((path) => ({ path, type: 'unknown' }))
}

/**
 * Every where path of a collection (its own fields to any depth, one hop through each
 * relationship, upload and join), `id`, and a handful of paths it does not have.
 */
export function fieldPaths(
  slug: string,
  collections: Collections,
  blocks: readonly FlattenedBlock[] = [],
): FieldPath[] {
  const fields = collections[slug]?.config.flattenedFields ?? []
  const seen = new Set<string>()
  return [
    { path: 'id', type: 'id' },
    ...walk(fields, '', 1, { collections, blocks }),
    ...bogusPaths(fields),
  ].filter(({ path }) => !seen.has(path) && Boolean(seen.add(path)))
}

const VALUE_OF_TYPE: Record<string, string> = {
  date: '2026-01-01T00:00:00.000Z',
  number: '1',
  checkbox: 'true',
}

/**
 * A value suited to an operator on a path: a date for a date, a number for a number, a list
 * for `in`, a GeoJSON shape for `within`, the given document id for an id or a reference.
 */
export function operandFor(op: string, field: FieldPath, id: string | number): unknown {
  const one =
    field.type === 'id' ||
    field.type === 'relationship' ||
    field.type === 'upload' ||
    field.type === 'join'
      ? String(id)
      : (field.option ?? VALUE_OF_TYPE[field.type] ?? 'a')
  switch (op) {
    case 'exists':
      return 'true'
    case 'in':
    case 'not_in':
    case 'all':
      return [one, one]
    case 'near':
      return '139.76,35.68,1000,0'
    case 'within':
    case 'intersects':
      return {
        type: 'Polygon',
        coordinates: [
          [
            [139, 35],
            [140, 35],
            [140, 36],
            [139, 35],
          ],
        ],
      }
    default:
      return one
  }
}

/** A where as the REST API's query string reads it (`where[a][b][0]=…`), encoded. */
export function whereQuery(where: Record<string, unknown>, prefix = 'where'): string {
  const parts: string[] = []
  const visit = (value: unknown, key: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, `${key}[${k}]`)
    } else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  visit(where, prefix)
  return parts.join('&')
}
