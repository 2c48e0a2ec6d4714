/** The part of a Node writable stream a line writer needs. */
export interface WritableLike {
  write(chunk: string): boolean
  once(event: 'drain' | 'error' | 'close', listener: () => void): unknown
  removeListener(event: 'drain' | 'error' | 'close', listener: () => void): unknown
}

/**
 * Writes lines to a stream in bounded memory: `write` returns a promise only when the stream's buffer is full,
 * resolving once it drained (or the stream failed or closed: then the caller finds out at `end`), so producers
 * that await it never run ahead of the disk or the pipe. Writers waiting together share one wait.
 */
export function createLineWriter(stream: WritableLike): { write(line: string): Promise<void> | undefined } {
  let waiting: Promise<void> | undefined
  const drained = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        stream.removeListener('drain', done)
        stream.removeListener('error', done)
        stream.removeListener('close', done)
        waiting = undefined
        resolve()
      }
      stream.once('drain', done)
      stream.once('error', done)
      stream.once('close', done)
    })
  return {
    write(line) {
      if (stream.write(`${line}\n`) && waiting === undefined) return undefined
      waiting ??= drained()
      return waiting
    },
  }
}
