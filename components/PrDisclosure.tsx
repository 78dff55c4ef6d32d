type Props = { text: string; sponsorName?: string | null; licenceLine?: string | null }

/**
 * The disclosure of a promotional page: first on the page, body size, high contrast, with the
 * operator's 有料職業紹介 licence line under it. Every page that carries CTAs shows both, the
 * same way (articles and agent pages alike).
 */
export function PrDisclosure({ text, sponsorName, licenceLine }: Props) {
  return (
    <>
      <p
        className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-base leading-relaxed text-amber-950"
        data-testid="pr-disclosure"
      >
        {text}
        {sponsorName ? <span>(本記事は{sponsorName}の提供によるタイアップ記事です)</span> : null}
      </p>
      {licenceLine ? (
        <p className="mt-2 text-xs leading-relaxed text-slate-600" data-testid="licence-line">
          {licenceLine}
        </p>
      ) : null}
    </>
  )
}
