import type { Readable, Writable } from 'node:stream'
import type { Clock, FetchLike } from '../core/index.ts'
import { wallClock } from '../host/wall-clock.ts'

export type CliSignal = 'SIGINT' | 'SIGTERM'

/**
 * Everything a command touches outside its arguments, so tests run commands in-process: the streams, the
 * environment, the working directory, signals, exiting at once, time and the network.
 */
export interface CliIo {
  stdin: Readable
  stdout: Writable & { isTTY?: boolean }
  stderr: Writable & { isTTY?: boolean }
  env: Record<string, string | undefined>
  /** Relative file names are resolved against it. */
  cwd: string
  /** Calls `handler` on each SIGINT / SIGTERM until the returned function is called. */
  onSignal(signal: CliSignal, handler: () => void): () => void
  /** Ends the program at once with `code` (a second Ctrl-C; a server that was stopped). */
  exit(code: number): void
  clock: Clock
  fetch: FetchLike
}

/** The real process: its streams, environment, signals, wall clock and global fetch. */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    onSignal(signal, handler) {
      process.on(signal, handler)
      return () => void process.off(signal, handler)
    },
    exit: (code) => process.exit(code),
    clock: wallClock,
    fetch: (request) => fetch(request),
  }
}
