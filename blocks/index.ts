import { AgentCardBlock } from './AgentCard/config'
import { AgentComparisonBlock } from './AgentComparison/config'
import { CalloutBlock } from './Callout/config'
import { FaqBlock } from './Faq/config'
import { ReviewExcerptBlock } from './ReviewExcerpt/config'

/** The blocks an article body may hold, in the order the editor offers them. */
export const articleBodyBlocks = [
  AgentCardBlock,
  AgentComparisonBlock,
  ReviewExcerptBlock,
  CalloutBlock,
  FaqBlock,
]
