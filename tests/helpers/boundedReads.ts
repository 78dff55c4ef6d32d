import type { Payload } from 'payload'

/**
 * The most documents one Local API read may ask for. Lists are pages (10–100), the few
 * reads by a key list are bounded by that list, and work over everything goes page by page
 * (lib/pageRows, eachPublishedArticle) or runs as a job.
 */
export const MAX_DOCS_PER_READ = 500

export class UnboundedReadError extends Error {}

type Read = { collection?: string; limit?: number; pagination?: boolean }

// Payload's own reads through the Local API (the relationship loader, which reads the ids a
// population asks for in one call) are bounded by what they populate, not by a limit
const fromPayloadItself = () => {
  const caller = new Error().stack
    ?.split('\n')
    .find((line, i) => i > 2 && !line.includes('boundedReads'))
  return Boolean(caller && /node_modules[\\/](payload|@payloadcms)[\\/]/.test(caller))
}

/**
 * Makes every `find` and `findVersions` of this Payload instance fail when it could return more
 * than MAX_DOCS_PER_READ documents: no limit with pagination off (Payload then reads every match),
 * `limit: 0`, or a larger limit. The tests' databases are small, so an unbounded read returns
 * few rows there and would pass unnoticed; its shape is what gives it away.
 */
export function guardReads(payload: Payload): Payload {
  const methods = ['find', 'findVersions'] as const
  for (const method of methods) {
    const original = (payload[method] as (args: Read) => Promise<{ docs: unknown[] }>).bind(payload)
    const guarded = async (args: Read) => {
      const limit = args.limit ?? (args.pagination === false ? 0 : 10)
      if ((limit === 0 || limit > MAX_DOCS_PER_READ) && !fromPayloadItself()) {
        const error = new UnboundedReadError(
          `${method}(${args.collection}) asked for ${limit === 0 ? 'every document' : `${limit} documents`}; a read takes at most ${MAX_DOCS_PER_READ} (a page, a key list) or walks pages`,
        )
        // the stack names the read's caller: that is the line to fix
        throw error
      }
      const result = await original(args)
      if (result.docs.length > MAX_DOCS_PER_READ) {
        throw new UnboundedReadError(
          `${method}(${args.collection}) returned ${result.docs.length} documents`,
        )
      }
      return result
    }
    Object.assign(payload, { [method]: guarded })
  }
  return payload
}
