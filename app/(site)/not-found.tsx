import { NotFoundContent } from '@/components/NotFoundContent'

// What notFound() shows inside the site's layout. The first request for a missing page is not
// yet rendered here on the server: Next answers it with its empty error document and the
// browser fills this in (issue 25, item 9, open).
export default function NotFound() {
  return <NotFoundContent />
}
