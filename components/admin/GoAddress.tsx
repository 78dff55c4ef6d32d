'use client'

import { useFormFields } from '@payloadcms/ui'
import { useState, useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * The link's full /go/ address on its page, with a button that copies it (what a marketer pastes
 * into an article, a mail or an ASP's form), as the slug reads now in the form.
 */
export function GoAddress() {
  const slug = useFormFields(([fields]) => fields.slug?.value)
  // the address the admin is open at (the server renders this part without it)
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  )
  // what was copied, and whether it worked: said only while the address is still that one
  const [result, setResult] = useState<{ address: string; ok: boolean } | null>(null)
  if (typeof slug !== 'string' || !slug) return null
  const address = `${origin}/go/${slug}`
  const copied = result?.address === address ? (result.ok ? 'ok' : 'failed') : null

  async function copy() {
    try {
      await navigator.clipboard.writeText(address)
      setResult({ address, ok: true })
    } catch {
      setResult({ address, ok: false })
    }
  }

  return (
    <div className="go-address field-type">
      <p className="go-address__label" id="go-address-label">
        リンクのアドレス
      </p>
      <p className="go-address__row">
        <code aria-labelledby="go-address-label">{address}</code>{' '}
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={copy}>
          コピー
        </button>
      </p>
      <p role="status" className="go-address__status">
        {copied === 'ok'
          ? 'アドレスをコピーしました。'
          : copied === 'failed'
            ? 'コピーできませんでした。アドレスを選んでコピーしてください。'
            : ''}
      </p>
    </div>
  )
}
