import { AsyncLocalStorage } from 'node:async_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import { describe, expect, it } from 'vitest'

import { materializeAbortReasonStacks } from './abortReasonStacks'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * Renders as Next runs them: work with a large store in AsyncLocalStorage, an abort with an
 * Error reason from inside a setImmediate callback, and the signal kept afterwards. Returns how
 * many of the renders' stores are still alive after a full garbage collection.
 */
async function storesAliveAfterRenders(renders: number): Promise<number> {
  const storage = new AsyncLocalStorage<{ payload: Uint8Array }>()
  const stores: WeakRef<object>[] = []
  const kept: AbortSignal[] = []
  for (let i = 0; i < renders; i++) {
    const store = { payload: new Uint8Array(64 * 1024) }
    stores.push(new WeakRef(store))
    await new Promise<void>((done) =>
      storage.run(store, () =>
        setImmediate(() => {
          const controller = new AbortController()
          controller.abort(new Error('This render completed successfully.'))
          kept.push(controller.signal)
          done()
        }),
      ),
    )
  }
  await new Promise((r) => setTimeout(r, 10))
  gc()
  expect(kept.every((signal) => signal.aborted)).toBe(true)
  return stores.filter((ref) => ref.deref() !== undefined).length
}

describe('abort reasons', () => {
  it('no longer keep the render that aborted them alive', async () => {
    // without the fix the kept signals pin the renders (the condition this guards against)
    const pinned = await storesAliveAfterRenders(50)
    expect(pinned).toBeGreaterThan(40)

    materializeAbortReasonStacks()
    expect(await storesAliveAfterRenders(50)).toBeLessThanOrEqual(1)

    // the reason is still the error it was, with its stack as text
    const controller = new AbortController()
    controller.abort(new Error('stopped'))
    expect(controller.signal.reason).toBeInstanceOf(Error)
    expect(String((controller.signal.reason as Error).stack)).toContain('stopped')
    const bare = new AbortController()
    bare.abort()
    expect((bare.signal.reason as DOMException).name).toBe('AbortError')
  })
})
