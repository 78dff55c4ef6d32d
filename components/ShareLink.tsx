'use client'

import { useId, useState } from 'react'

/**
 * The address of a page to copy and pass on: a read-only field anyone can select and copy
 * (also without JavaScript), and a button that copies it, or opens the phone's share sheet
 * where the browser has one.
 */
export function ShareLink({ url, title }: { url: string; title: string }) {
  const id = useId()
  const [done, setDone] = useState('')
  const share = async () => {
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ url, title })
        return
      }
      await navigator.clipboard.writeText(url)
      // said again on every copy (the live region announces a change)
      setDone((said) =>
        said === 'URLをコピーしました。' ? 'もう一度コピーしました。' : 'URLをコピーしました。',
      )
    } catch (error) {
      // the reader closed the share sheet: nothing to say; the clipboard refused: the field
      if ((error as Error)?.name === 'AbortError') return
      setDone('コピーできませんでした。上のURLを選択してコピーしてください。')
    }
  }
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-bold">
        この口コミのURL
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-500 px-3 text-sm"
        />
        <button
          type="button"
          onClick={share}
          className="min-h-11 shrink-0 rounded-lg border border-brand-700 px-4 text-sm font-bold text-brand-700 hover:bg-slate-50"
        >
          共有・コピー
        </button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {done}
      </p>
    </div>
  )
}
