import type { CollectionBeforeChangeHook } from 'payload'

import { featuredAgentIds, lexicalToPlainText } from '@/lib/lexicalText'
import type { Article } from '@/payload-types'

// Search and "articles featuring this agent" need the body's text and agents as plain
// fields: a rich-text JSON column cannot be queried the same way on SQLite and MongoDB.
export const deriveFromBody: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const body = data.body ?? originalDoc?.body
  data.searchText = lexicalToPlainText(body)
  data.featuredAgents = featuredAgentIds(body) as Article['featuredAgents']
  return data
}
