// Adds many approved reviews to one agent of the bench's database, for the agent page's
// "after" figures: `tsx bench/reviewData.ts <agent slug> <count>` with DATABASE_URI set. Each is
// created through the Local API with its hooks (text cleaning, fingerprint, decision record);
// only the agent's figures are recomputed once at the end instead of after every review.
import { createLocalReq, getPayload } from 'payload'

const [slug, countArg] = process.argv.slice(2)
const count = Number(countArg)
if (!slug || !Number.isInteger(count) || count < 1) {
  console.error('usage: tsx bench/reviewData.ts <agent slug> <count>')
  process.exit(1)
}

const { default: config } = await import('../payload.config')
const { refreshAgentRating } = await import('../collections/Reviews/hooks/refreshAgentRating')
const payload = await getPayload({ config })

const { docs } = await payload.find({
  collection: 'agents',
  where: { slug: { equals: slug } },
  limit: 1,
  depth: 0,
})
const agent = docs[0]
if (!agent) throw new Error(`no agent ${slug}`)

const AGES = ['20s', '30s', '40s', '50s_plus', 'no_answer'] as const
const GENDERS = ['male', 'female', 'no_answer'] as const
const INDUSTRIES = ['it', 'media', 'consulting', 'finance', 'manufacturing', 'retail'] as const
const EXPERIENCE = ['lt1', '1_3', '3_5', '5_10', '10_plus'] as const
const USAGE = ['registered', 'interviewed', 'offered', 'joined'] as const
const PHRASES = [
  '担当者の返信が早く、面談の日程もすぐに決まりました。',
  '紹介された求人は希望条件とずれるものもありましたが、理由を聞くと納得できました。',
  '職務経歴書の添削が具体的で、書類選考の通過率が上がりました。',
  '年収の交渉まで任せられたので、在職中でも負担が少なく済みました。',
  '連絡の頻度が多く感じたので、相談して週に一度にしてもらいました。',
  '面接の前に企業ごとの質問の傾向を教えてもらえたのが助かりました。',
]
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]
const started = Date.now()
const now = Date.now()

for (let i = 0; i < count; i++) {
  const body = Array.from({ length: 4 }, (_, k) => pick(PHRASES, i * 5 + k * 7 + Math.floor(i / 6)))
    .join('')
    .concat(`(計測用の口コミ ${i + 1})`)
  await payload.create({
    collection: 'reviews',
    data: {
      agent: agent.id,
      rating: ((i * 7) % 5) + 1,
      subRatings: { consultant: ((i * 3) % 5) + 1, offers: i % 3 ? (i % 5) + 1 : null },
      title: `計測用の口コミ ${i + 1}`,
      body,
      ageBand: pick(AGES, i),
      gender: pick(GENDERS, i * 7),
      industry: pick(INDUSTRIES, i * 11),
      experienceYears: pick(EXPERIENCE, i * 13),
      usedYear: 2020 + (i % 6),
      usedMonth: (i % 12) + 1,
      usage: pick(USAGE, i),
      rewarded: i % 20 === 0,
      status: 'approved',
      source: 'form',
      submittedAt: new Date(now - i * 60 * 60 * 1000).toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    context: { bulkImport: true, disableRevalidate: true },
  })
}
await refreshAgentRating(await createLocalReq({}, payload), agent.id)
console.log(`${count} reviews added to ${slug} in ${Math.round((Date.now() - started) / 1000)} s`)
await payload.destroy()
process.exit(0)
