import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

let instance: Promise<Payload> | undefined

/** The Payload instance on the run's throw-away database. */
export const getTestPayload = () => (instance ??= getPayload({ config }))
