import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { LoopsClient } from 'loops'
import { expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url))

/** Starts `loops-playground mock-server …` as a CI script would; resolves with stdout's first line. */
function start(args: string[]): Promise<{ line: string; rest: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'mock-server', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const end = out.indexOf('\n')
      if (end >= 0) resolve({ line: out.slice(0, end), rest: () => out.slice(end + 1), stop: () => (child.kill('SIGTERM'), exited) })
    })
    void exited.then((code) => reject(new Error(`mock-server exited (${String(code)}) before it was ready`)))
  })
}

it('prints one JSON line with url, sdkApiRoot and keys when ready, on a free port with --port 0', async () => {
  const server = await start(['--json', '--port', '0', '--keys', 'ci-key=Acme,ci-key-2=Globex'])
  try {
    const ready = JSON.parse(server.line) as { url: string; sdkApiRoot: string; keys: { key: string; team: string }[] }
    expect(Object.keys(ready)).toEqual(['url', 'sdkApiRoot', 'keys'])
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(ready.url).not.toMatch(/:4010$/)
    expect(ready.sdkApiRoot).toBe(`${ready.url}/api/`)
    expect(ready.keys).toEqual([{ key: 'ci-key', team: 'Acme' }, { key: 'ci-key-2', team: 'Globex' }])
    const loops = new LoopsClient('ci-key-2')
    loops.apiRoot = ready.sdkApiRoot
    expect(await loops.testApiKey()).toEqual({ success: true, teamName: 'Globex' })
    expect(server.rest()).toBe('')
  } finally {
    expect(await server.stop()).toBe(0)
  }
})
