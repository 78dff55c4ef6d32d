/** A yes/no column of a list in Japanese (Payload writes a checkbox's value as true / false). */
export function YesNoCell({ cellData }: { cellData?: unknown }) {
  return <span>{cellData ? 'はい' : 'いいえ'}</span>
}
