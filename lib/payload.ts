import config from '@payload-config'
import { getPayload } from 'payload'

/**
 * The Payload instance for server components, route handlers and actions. `cron: true` starts
 * the jobs runner (scheduled publishing) in the server process the first time it is used.
 */
export const getPayloadClient = () => getPayload({ config, cron: true })
