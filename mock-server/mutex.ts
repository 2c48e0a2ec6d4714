export interface Mutex {
  /** runs `fn` after every earlier `run` settled, so a read-check-write sequence cannot interleave */
  run<T>(fn: () => Promise<T>): Promise<T>
}

export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run(fn) {
      const result = tail.then(fn)
      tail = result.then(
        () => undefined,
        () => undefined,
      )
      return result
    },
  }
}
