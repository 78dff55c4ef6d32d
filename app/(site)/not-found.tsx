import { NotFoundContent } from '@/components/NotFoundContent'

// a 404 rendered inside the site's layout (a client navigation to a missing page); the first
// request for one is answered by app/global-not-found.tsx
export default function NotFound() {
  return <NotFoundContent />
}
