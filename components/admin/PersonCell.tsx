import type { DefaultServerCellComponentProps, Payload } from 'payload'
import { cache } from 'react'

// one read per person and request, however many rows name them
const displayNameOf = cache(async (payload: Payload, id: string | number) => {
  const user = await payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    select: { displayName: true },
    overrideAccess: true,
    disableErrors: true,
  })
  return user?.displayName ?? null
})

/**
 * A person (著者・監修者) in the articles list, by name, rendered on the server. Payload's own
 * relationship cell loads names only for rows in view and shows 「<No 著者>」 for the rest
 * until they are scrolled to.
 */
export async function PersonCell({ cellData, payload }: DefaultServerCellComponentProps) {
  const id =
    cellData && typeof cellData === 'object' ? (cellData as { id?: string | number }).id : cellData
  if (typeof id !== 'string' && typeof id !== 'number') return <span aria-label="なし">—</span>
  return <span>{(await displayNameOf(payload, id)) ?? `削除されたユーザー(ID ${id})`}</span>
}
