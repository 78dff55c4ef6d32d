// CongoDB (a MongoDB-wire-compatible server in memory, from @push.rocks/smartmongo) on a free
// loopback port, for the tests of code that talks to MongoDB. No MongoDB server can be
// installed on the team's machines; this stand-in proves the code path, not a database.
import { createServer } from 'node:net'

import { congodb } from '@push.rocks/smartmongo'

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** Starts the stand-in; `uri` has no database name, `stop` ends it. */
export async function startCongo() {
  const port = await freePort()
  const server = new congodb.CongoServer({ host: '127.0.0.1', port, storage: 'memory' })
  await server.start()
  return { uri: `mongodb://127.0.0.1:${port}`, stop: () => server.stop() }
}
