import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { guardReads } from './boundedReads'

let instance: Promise<Payload> | undefined

/**
 * The Payload instance on the run's throw-away database: the one the site's code gets too
 * (getPayload caches it per config), with every read checked for a bound (./boundedReads).
 */
export const getTestPayload = () => (instance ??= getPayload({ config }).then(guardReads))
