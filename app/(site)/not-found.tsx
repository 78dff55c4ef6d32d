import { NotFoundContent } from '@/components/NotFoundContent'

// What notFound() shows inside the site's layout when the browser renders it: after a client
// navigation, and once the scripts run. A document request for a missing page is answered with
// app/global-not-found.tsx, rendered on the server (lib/serverRendered404.ts).
export default function NotFound() {
  return <NotFoundContent />
}
