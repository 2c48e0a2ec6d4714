import { spawn } from 'node:child_process'
import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Runs `loops-playground mock-server …`; resolves with its output once `until` matches it, or when it exits. */
function runCli(args: string[], until?: RegExp): Promise<{ stdout: string; stderr: string; code: number | null; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'mock-server', ...args], { cwd: ROOT })
  let stdout = ''
  let stderr = ''
  return new Promise((resolve) => {
    const done = (code: number | null) => resolve({ stdout, stderr, code, stop: () => void child.kill('SIGTERM') })
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      if (until?.test(stdout)) done(null)
    })
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()))
    child.on('exit', (code) => done(code))
  })
}

it('prints its URL and keys, and serves the Loops API and the control API on that port', async () => {
  const run = await runCli(['--port', '0', '--keys', 'cli-key=Acme,cli-key-2=Globex', '--rate-limit', '3'], /team "Globex"/)
  try {
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1] ?? ''
    expect(run.stdout).toContain('cli-key  team "Acme"')
    const res = await fetch(`${url}/api/v1/api-key`, { headers: { Authorization: 'Bearer cli-key-2' } })
    expect(await res.json()).toEqual({ success: true, teamName: 'Globex' })
    expect(res.headers.get('x-ratelimit-limit')).toBe('3')
    expect((await fetch(`${url}/_mock/keys`)).status).toBe(200)
  } finally {
    run.stop()
  }
})

it('generates a key for team Acme when none is given', async () => {
  const run = await runCli(['--port', '0'], /team "Acme"/)
  run.stop()
  expect(run.stdout).toMatch(/[0-9a-f]{32} {2}team "Acme"/)
})

it('exits 2 with a message naming the problem for bad options or an invalid seed file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mock-cli-'))
  const seed = join(dir, 'seed.json')
  await writeFile(seed, JSON.stringify({ lists: [{ id: 'l1' }] }))
  for (const [args, says] of [
    [['--keys', 'nokey'], /--keys: "nokey" is not key=Team/],
    [['--port', 'x'], /--port must be an integer/],
    [['--seed', seed], /invalid seed[\s\S]*lists\[0\]\.name/],
  ] as const) {
    const run = await runCli([...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(says)
  }
})
