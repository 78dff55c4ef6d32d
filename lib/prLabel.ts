import { bodyReferences, type RichTextValue } from './bodyReferences'

export { isGoUrl } from './bodyReferences'

/**
 * Whether rich text promotes anything: an agent card or comparison (both carry CTAs),
 * a link through /go/, or a link to an affiliate-link document.
 */
export const bodyIsPromotional = (body: RichTextValue): boolean => bodyReferences(body).promotes
