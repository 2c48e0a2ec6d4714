import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { createTestIo } from '../fixtures/cli-io.ts'

/** Runs `loops-playground mock-server …` in-process; `stop()` sends SIGTERM and waits for it to exit. */
async function runMock(args: string[], cwd = process.cwd()) {
  const test = createTestIo({ cwd })
  const code = await main(['mock-server', ...args], test.io)
  return {
    code,
    stdout: test.stdout(),
    stderr: test.stderr(),
    stop: async () => {
      test.signal('SIGTERM')
      await expect.poll(() => test.exits).toEqual([0])
    },
  }
}

it('prints its URL and keys, and serves the Loops API and the control API on that port', async () => {
  const run = await runMock(['--port', '0', '--keys', 'cli-key=Acme,cli-key-2=Globex', '--rate-limit', '3'])
  try {
    expect(run.code).toBe(-1)
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1] ?? ''
    expect(run.stdout).toContain('cli-key  team "Acme"')
    const res = await fetch(`${url}/api/v1/api-key`, { headers: { Authorization: 'Bearer cli-key-2' } })
    expect(await res.json()).toEqual({ success: true, teamName: 'Globex' })
    expect(res.headers.get('x-ratelimit-limit')).toBe('3')
    expect((await fetch(`${url}/_mock/keys`)).status).toBe(200)
  } finally {
    await run.stop()
  }
})

it('generates a key for team Acme when none is given', async () => {
  const run = await runMock(['--port', '0'])
  await run.stop()
  expect(run.stdout).toMatch(/[0-9a-f]{32} {2}team "Acme"/)
})

it('exits 2 with a message naming the problem for bad options or an invalid seed file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mock-cli-'))
  await writeFile(join(dir, 'seed.json'), JSON.stringify({ lists: [{ id: 'l1' }] }))
  for (const [args, says] of [
    [['--keys', 'nokey'], /--keys: "nokey" is not key=Team/],
    [['--port', 'x'], /--port must be a whole number from 0 to 65535, got "x"/],
    [['--seed', 'seed.json'], /invalid seed[\s\S]*lists\[0\]\.name/],
    [['-port', '1'], /unknown option -port: long options take two dashes, --port/],
  ] as const) {
    const run = await runMock([...args], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(says)
  }
})
