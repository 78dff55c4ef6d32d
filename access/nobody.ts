import type { Access, FieldAccess } from 'payload'

/** For records only the server writes (clicks), never through an API. */
export const nobody: Access = () => false

/**
 * For fields only the server computes (rating aggregates): no API may set them. The server's
 * own recomputation writes with overrideAccess, which skips field access.
 */
export const nobodyField: FieldAccess = () => false
