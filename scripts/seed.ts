// npm run seed            → creates any demo record that is missing (safe to repeat)
// npm run seed -- --if-empty → only on a database with no users (what npm start does)
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd())

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { isEmpty, seed } = await import('./seed/index')

const payload = await getPayload({ config })
try {
  if (process.argv.includes('--if-empty') && !(await isEmpty(payload))) {
    payload.logger.info('seed: database already has content; nothing to do')
  } else {
    await seed(payload, (line) => payload.logger.info(line))
  }
} finally {
  await payload.destroy()
}
process.exit(0)
