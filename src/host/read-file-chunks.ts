import { open } from 'node:fs/promises'

/** The read size: large enough that per-read costs vanish, small enough to stay out of the way in memory. */
export const CHUNK_SIZE = 1024 * 1024

/**
 * Reads a file in chunks into one buffer that is reused for every read, so reading a file of any size makes no
 * garbage (a read stream allocates a new buffer per chunk, which V8 frees late: hundreds of MB of RSS on a big
 * file). Each yielded chunk is a view of that buffer, valid only until the next iteration: copy what you keep.
 */
export async function* readFileChunks(path: string, size = CHUNK_SIZE): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(size)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}
