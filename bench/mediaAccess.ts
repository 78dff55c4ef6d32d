// npm run bench:media-access [-- --db data/bench-scale/site.db]
//
// What a writer's access to uploads costs on a large archive (one made by bench:data, or a
// copy of one): the permissions Payload builds for every admin page (every collection's
// access, as `/api/users/access` and the admin's layout evaluate it), for a writer and for an
// editor, whose media access reads nothing (the anchor); and the check on one upload, as
// before changing or deleting it. Each measured RUNS times after one call that is not counted;
// p50/p99. Opens the database as the site does, so pending migrations run first: use a copy.
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/bench-scale/site.db' },
    runs: { type: 'string', default: '40' },
  },
})
const RUNS = Number(values.runs)
process.env.DATABASE_URI = `file:${path.resolve(values.db!)}`
// the schema from the committed migrations, as in production (no schema push)
Object.assign(process.env, { NODE_ENV: 'production' })
process.env.PAYLOAD_SECRET ||= 'bench-only-secret-not-for-production-0123456789'

const { createLocalReq, getAccessResults, getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { Media } = await import('../collections/Media')
const payload = await getPayload({ config })
const sys = { overrideAccess: true, depth: 0 } as const

const userWith = async (role: 'writer' | 'editor') => {
  const { docs } = await payload.find({
    ...sys,
    collection: 'users',
    where: { roles: { contains: role } },
    limit: 1,
  })
  if (!docs[0]) throw new Error(`the archive has no ${role}`)
  return { ...docs[0], collection: 'users' as const }
}
const [writer, editor] = [await userWith('writer'), await userWith('editor')]
const { docs: media } = await payload.find({ ...sys, collection: 'media', sort: 'id', limit: 1 })
const shown = await payload.count({
  collection: 'articles',
  where: { and: [{ _status: { equals: 'published' } }, { 'dependsOn.media': { exists: true } }] },
})
const published = await payload.count({
  collection: 'articles',
  where: { _status: { equals: 'published' } },
})

async function measure(name: string, op: () => Promise<unknown>) {
  await op()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await op()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!
  console.log(`| ${name} | ${at(0.5).toFixed(1)} | ${at(0.99).toFixed(1)} |`)
}

const permissions = (user: typeof writer) => async () =>
  getAccessResults({ req: await createLocalReq({ user }, payload) })
const oneUpload = async () =>
  Media.access!.update!({ req: await createLocalReq({ user: writer }, payload), id: media[0]!.id })

console.log(
  `${published.totalDocs} published articles, ${shown.totalDocs} with images; ${RUNS} runs each`,
)
console.log('| what | p50 ms | p99 ms |\n| --- | ---: | ---: |')
await measure('admin permissions, editor (anchor)', permissions(editor))
await measure('admin permissions, writer', permissions(writer))
await measure('writer may change one upload', oneUpload)
await payload.destroy()
process.exit(0)
