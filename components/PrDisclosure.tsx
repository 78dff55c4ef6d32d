type Props = { text: string; sponsorName?: string | null }

/** The disclosure line of a promotional page: first on the page, body size, high contrast. */
export function PrDisclosure({ text, sponsorName }: Props) {
  return (
    <p
      className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-base leading-relaxed text-amber-950"
      data-testid="pr-disclosure"
    >
      {text}
      {sponsorName ? <span>(本記事は{sponsorName}の提供によるタイアップ記事です)</span> : null}
    </p>
  )
}
