// CongoDB (from @push.rocks/smartmongo), a MongoDB-wire-compatible server held in memory, on a
// free loopback port: `node tests/mongo/standin.mjs` prints one line, {"uri":"mongodb://…"},
// once it accepts connections, and runs until it is sent SIGTERM or its stdin closes (the
// process that started it is gone). No mongod can be installed on the team's machines; this
// proves the MongoDB code path, it is not a database. It does not enforce unique indexes and
// does not roll back aborted transactions (tests/helpers/testDatabase.ts names those checks).
import { createServer } from 'node:net'

import { congodb } from '@push.rocks/smartmongo'

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

const port = Number(process.argv[2]) || (await freePort())
const server = new congodb.CongoServer({ host: '127.0.0.1', port, storage: 'memory' })
await server.start()
process.stdout.write(`${JSON.stringify({ uri: `mongodb://127.0.0.1:${port}` })}\n`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await server.stop().catch(() => {})
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
