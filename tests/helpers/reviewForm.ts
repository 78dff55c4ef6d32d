// The readers' review form as a browser without JavaScript posts it, for the load tests and
// benchmarks that post many reviews at once.

type Fields = [string, string][]

/** The hidden fields that name a server action (and its bound arguments), from form HTML. */
function actionFields(html: string): Fields {
  return [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap(([tag]) => {
    const name = /name="([^"]*)"/.exec(tag)?.[1]
    const value = (/value="([^"]*)"/.exec(tag)?.[1] ?? '').replaceAll('&quot;', '"')
    return name?.startsWith('$ACTION') ? [[name, value] as [string, string]] : []
  })
}

/** The hidden fields that name the review form's server action, read from its page. */
export async function reviewActionFields(origin: string, agent: string): Promise<Fields> {
  return actionFields(await (await fetch(`${origin}/agents/${agent}/review`)).text())
}

/**
 * The 「参考になった」 and 「通報する」 forms under the reviews on an agent's page: the hidden
 * fields of each, one entry per review shown.
 */
export async function reviewListActions(
  origin: string,
  agent: string,
): Promise<{ votes: Fields[]; reports: Fields[] }> {
  const html = await (await fetch(`${origin}/agents/${agent}`)).text()
  const forms = [...html.matchAll(/<form[^>]*method="POST"[^>]*>[\s\S]*?<\/form>/gi)].map(
    ([form]) => form,
  )
  return {
    votes: forms.filter((f) => f.includes('参考になった')).map(actionFields),
    reports: forms.filter((f) => f.includes('name="reason"')).map(actionFields),
  }
}

/** A form post as a browser without JavaScript sends it: the action's fields and the inputs. */
export function actionForm(hidden: Fields, fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  for (const [name, value] of hidden) form.append(name, value)
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  return form
}

const WORDS = ['面談', '求人', '書類', '連絡', '年収', '条件', '推薦', '日程', '企業', '担当']

/**
 * The n-th reader's filled-in form: a body that differs from every other n in more than a
 * number (so none is refused as a near-duplicate), ending with `tag`.
 */
export function readerReview(hidden: Fields, n: number, title: string, tag: string) {
  const words = Array.from({ length: 14 }, (_, k) => WORDS[(n * 7 + k * 3) % WORDS.length])
  const fields = {
    rating: String((n % 5) + 1),
    title,
    body: `${n}件目の投稿です。${words.join('と')}について、登録から面談、応募までの流れを説明してもらいました。紹介された求人は希望に近く、書類の添削も役に立ちました。(${tag})`,
    ageBand: '30s',
    gender: 'no_answer',
    industry: 'it',
    experienceYears: '3_5',
    usedYear: '2025',
    usedMonth: String((n % 12) + 1),
    usage: 'interviewed',
    rewarded: 'no',
    agree: 'on',
  }
  return actionForm(hidden, fields)
}
