/** Admin labels in both languages the admin offers; Japanese is the default. */
export const l = (ja: string, en: string) => ({ ja, en })

/** Date and time fields in the admin as its lists show them: 2026/11/30 14:59, 24-hour. */
export const JA_DATE_TIME = {
  pickerAppearance: 'dayAndTime',
  displayFormat: 'yyyy/MM/dd HH:mm',
  timeFormat: 'HH:mm',
} as const

/** Japanese dates for readers, e.g. 2026年11月24日. */
export const formatDateJa = (value: string | Date | null | undefined): string => {
  if (!value) return ''
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat('ja-JP', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Tokyo',
  }).format(date)
}

/** Year and month for facts' as-of dates, e.g. 2026年1月現在. */
export const formatAsOfJa = (value: string | Date | null | undefined): string => {
  if (!value) return ''
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return ''
  const ym = new Intl.DateTimeFormat('ja-JP', {
    year: 'numeric',
    month: 'long',
    timeZone: 'Asia/Tokyo',
  }).format(date)
  return `${ym}現在`
}
