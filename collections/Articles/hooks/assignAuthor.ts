import type { CollectionBeforeChangeHook } from 'payload'

import { isEditorUser } from '@/access/isEditor'
import type { Article } from '@/payload-types'

// A writer's article is always theirs: they cannot file it under someone else's name.
export const assignAuthor: CollectionBeforeChangeHook<Article> = ({
  data,
  req,
  operation,
  originalDoc,
}) => {
  const user = req.user
  if (!user || isEditorUser(user)) {
    if (operation === 'create' && !data.author && user) data.author = user.id
    return data
  }
  data.author = operation === 'create' ? user.id : (originalDoc?.author ?? user.id)
  return data
}
