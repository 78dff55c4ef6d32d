import type { Access } from 'payload'

/** For records only the server writes (clicks), never through an API. */
export const nobody: Access = () => false
