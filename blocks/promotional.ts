// Kept apart from the block configs so that pure rules (lib/prLabel) import no Payload config.

/** Blocks that put an affiliate CTA on the page and so make it promotional. */
export const PROMOTIONAL_BLOCK_TYPES: ReadonlySet<string> = new Set([
  'agentCard',
  'agentComparison',
])
