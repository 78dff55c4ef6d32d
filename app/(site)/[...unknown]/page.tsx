import { notFound } from 'next/navigation'

// Any address no route claims gets the site's own 404 page, inside the site's header and footer.
export default function UnknownPage() {
  notFound()
}
