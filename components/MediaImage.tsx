import Image from 'next/image'

import { serverUrl } from '@/lib/env'
import type { Media } from '@/payload-types'

type Props = {
  media: Media | string | number | null | undefined
  size?: 'thumbnail' | 'card' | 'og'
  className?: string
  sizes?: string
  priority?: boolean
  alt?: string
}

// Payload prefixes upload URLs with the server URL; served from this site, they are local
// paths to next/image, which only optimises remote hosts that are listed in its config
const sitePath = (url: string) => {
  const origin = serverUrl()
  return url.startsWith(`${origin}/`) ? url.slice(origin.length) : url
}

/** An uploaded image through next/image, with its stored dimensions so nothing shifts. */
export function MediaImage({ media, size, className, sizes = '100vw', priority, alt }: Props) {
  if (!media || typeof media !== 'object') return null
  const variant = size ? media.sizes?.[size] : undefined
  const url = variant?.url || media.url
  const width = variant?.width || media.width
  const height = variant?.height || media.height
  if (!url || !width || !height) return null
  return (
    <Image
      src={sitePath(url)}
      width={width}
      height={height}
      alt={alt ?? media.alt}
      sizes={sizes}
      className={className}
      priority={priority}
    />
  )
}

/** The 1200×630 rendition of an upload for Open Graph, or null. */
export const ogImageUrl = (media: Media | string | number | null | undefined): string | null =>
  media && typeof media === 'object' ? (media.sizes?.og?.url ?? media.url ?? null) : null
