import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'

/**
 * Copies a stream (stdin) to a temporary file, so it can be read twice (streamed input is read once to index
 * identities and once to map) without holding it in memory. `remove()` deletes the copy.
 */
export async function spoolToFile(stream: Readable | NodeJS.ReadableStream): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'loops-playground-'))
  const path = join(dir, 'stdin')
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    await pipeline(stream, createWriteStream(path))
  } catch (error) {
    await remove()
    throw error
  }
  return { path, remove }
}
