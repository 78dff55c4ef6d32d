// Sub-IDs: an ASP reports each conversion with the value the site put in one parameter of its
// tracking URL (each ASP documents which parameter that is). A template names what goes in it, from these placeholders; the value is
// URL-encoded by URLSearchParams and set on that parameter only, never anywhere else in the
// URL. `{click}` is the click's own id, which lets an ASP's results be joined back to the
// click, and so to its link, article and slot.

export const SUB_ID_PLACEHOLDERS = ['article', 'placement', 'slot', 'link', 'click'] as const
export type SubIdValues = Record<(typeof SUB_ID_PLACEHOLDERS)[number], string>

const PLACEHOLDER = /\{([a-z]+)\}/g
export const SUB_ID_MAX = 100

/** null if the template is usable, otherwise what is wrong with it (in Japanese). */
export function subIdTemplateProblem(template: string): string | null {
  if (template.length > SUB_ID_MAX) return `サブIDのテンプレートは${SUB_ID_MAX}文字までです。`
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => !(SUB_ID_PLACEHOLDERS as readonly string[]).includes(name))
  if (unknown.length)
    return `使えない差し込み項目があります: {${unknown.join('}, {')}}(使えるのは ${SUB_ID_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`
  if (/[{}]/.test(template.replace(PLACEHOLDER, '')))
    return '波かっこ { } は {article} のような差し込み項目にだけ使えます。'
  return null
}

export const expandSubId = (template: string, values: SubIdValues): string =>
  template
    .replace(PLACEHOLDER, (whole, name: string) =>
      name in values ? values[name as keyof SubIdValues] : whole,
    )
    .slice(0, SUB_ID_MAX)

/** PARAMETER names an ASP documents: letters, digits, _ and -. */
export const isParameterName = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(value)

/** The destination with the sub-ID set on the ASP's parameter (replacing any value there). */
export function withSubId(destination: string, parameter: string, value: string): string {
  if (!value || !isParameterName(parameter)) return destination
  const url = new URL(destination)
  url.searchParams.set(parameter, value)
  return url.toString()
}
