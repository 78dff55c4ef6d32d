/** The visible 「PR」 mark every affiliate CTA and link carries. */
export function PrMarker() {
  return (
    <span className="mr-1.5 inline-block rounded border border-current px-1 text-[0.75em] leading-tight font-bold">
      PR
    </span>
  )
}
