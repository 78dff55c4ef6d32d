import { redirectOrNotFound } from '@/lib/redirectOrNotFound'

type Props = { params: Promise<{ unknown: string[] }> }

// Any address no route claims: where it has moved to if an editor registered a redirect for
// it, else the site's own 404 page, inside the site's header and footer.
export default async function UnknownPage({ params }: Props) {
  const { unknown } = await params
  return redirectOrNotFound(`/${unknown.map((part) => encodeURIComponent(part)).join('/')}`)
}
