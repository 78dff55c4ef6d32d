// Next 16 and React abort several AbortControllers on every render, most from inside
// setImmediate callbacks, with an Error as the reason (React's "This render completed
// successfully…", Node's AbortError for a bare abort()). V8 keeps an Error's stack as
// structured frames until something reads `.stack`; a frame's receiver is the Immediate the
// abort ran on, and an Immediate carries the AsyncLocalStorage store of the render that
// scheduled it and its stale links to the other Immediates of the same batch. So every signal
// kept after its render pinned whole renders: measured here, the server's live heap grew from
// 220 MB to over 700 MB within 10,000 uncached pages under steady load, and crashed at its heap
// ceiling (heap snapshot: 55,000 spent Immediates, 5,000 finished ServerResponses). Upstream:
// vercel/next.js#97434 and #84648, react/react#37288 (fix proposed in react/react#37289).
//
// Reading the reason's stack once, as the abort happens, turns the frames into a string and
// drops them. Installed by scripts/server.ts before Next loads; a no-op for reasons that are
// not errors.

const INSTALLED = Symbol.for('career-media.abort-reason-stacks')

export function materializeAbortReasonStacks(): void {
  const proto = AbortController.prototype as AbortController & { [INSTALLED]?: true }
  if (proto[INSTALLED]) return
  const abort = proto.abort
  Object.defineProperty(proto, INSTALLED, { value: true })
  proto.abort = function (this: AbortController, reason?: unknown) {
    abort.call(this, reason)
    const stored: unknown = this.signal.reason
    if (typeof stored === 'object' && stored !== null) {
      // the getter formats the frames into a string; V8 then lets the frames go
      void (stored as { stack?: unknown }).stack
    }
  }
}
