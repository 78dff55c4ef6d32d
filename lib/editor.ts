import {
  BlocksFeature,
  FixedToolbarFeature,
  HeadingFeature,
  LinkFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'

import { articleBodyBlocks } from '@/blocks'

/** The article body editor: H2–H4 (the TOC reads H2/H3), links, lists and the article blocks. */
export const articleEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter(
      (feature) => !['heading', 'link', 'relationship', 'upload'].includes(feature.key),
    ),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    LinkFeature({ enabledCollections: ['articles', 'agents'] }),
    BlocksFeature({ blocks: articleBodyBlocks }),
    FixedToolbarFeature(),
  ],
})
