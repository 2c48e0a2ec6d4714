// The one test that starts the real `loops-playground` binary (package.json "bin"); every other CLI test runs
// the commands in-process.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

it('runs map through the bin script and prints only results: no warnings on stderr', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-smoke-'))
  writeFileSync(join(dir, 'a.js'), 'datafly.identify("u1", { email: "a@example.com" })\ndatafly.track("Signed Up")\n')
  const bin = join(import.meta.dirname, '../../src/cli/bin.js')
  const out = spawnSync(process.execPath, [bin, 'map', 'a.js'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
  expect(out.stderr).toBe('')
  expect(out.status).toBe(0)
  expect(out.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(['skipped', 'ready'])
})
