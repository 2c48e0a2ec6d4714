// `npx loops-playground` must print no engine warnings on a Node the package says it supports: every runtime
// dependency's `engines.node` (from package-lock.json) must accept every Node version our `engines.node` accepts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>

type Version = [number, number, number]

/** A small reader of npm's range syntax, enough for `engines.node`: `||`, `>= > <= < ^ ~ =`, x/* and partial versions. */
function satisfies(version: Version, range: string): boolean {
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1').split(/\s+/).filter(Boolean)
    return comparators.every((comparator) => test(version, comparator))
  })
}

function test(v: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|\^|~|=)?v?(\d+|x|\*)?(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(comparator)
  if (!match) throw new Error(`cannot read range part "${comparator}"`)
  const op = match[1] ?? '='
  const parts = [match[2], match[3], match[4]].map((p) => (p === undefined || p === 'x' || p === '*' ? undefined : Number(p)))
  const given = parts.findIndex((p) => p === undefined)
  const precision = given === -1 ? 3 : given
  const base: Version = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0]
  const cmp = compare(v, base)
  const upper = (level: number): Version => (level === 0 ? [base[0] + 1, 0, 0] : level === 1 ? [base[0], base[1] + 1, 0] : [base[0], base[1], base[2] + 1])
  if (op === '>=') return cmp >= 0
  if (op === '<') return cmp < 0
  if (op === '>') return precision === 3 ? cmp > 0 : compare(v, upper(precision - 1)) >= 0
  if (op === '<=') return precision === 3 ? cmp <= 0 : compare(v, upper(precision - 1)) < 0
  if (op === '^') return cmp >= 0 && compare(v, upper(base[0] !== 0 || precision === 1 ? 0 : base[1] !== 0 || precision === 2 ? 1 : 2)) < 0
  if (op === '~') return cmp >= 0 && compare(v, upper(precision <= 1 ? 0 : 1)) < 0
  return precision === 0 || (cmp >= 0 && compare(v, upper(precision - 1)) < 0)
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

it('reads the range forms the dependencies use', () => {
  expect(satisfies([22, 22, 2], '^22.22.2 || ^24.15.0 || >=26.0.0')).toBe(true)
  expect(satisfies([22, 12, 0], '^22.22.2 || ^24.15.0 || >=26.0.0')).toBe(false)
  expect(satisfies([25, 0, 0], '^22.22.2 || ^24.15.0 || >=26.0.0')).toBe(false)
  expect(satisfies([12, 1, 0], '6.* || 8.* || >= 10.*')).toBe(true)
  expect(satisfies([7, 1, 0], '6.* || 8.* || >= 10.*')).toBe(false)
  expect(satisfies([13, 6, 0], '^10 || ^12 || ^13.7 || >=14')).toBe(false)
})

it('accepts only Node versions that every runtime dependency accepts, so npm prints no EBADENGINE warning', () => {
  const ours = (read('package.json')['engines'] as { node: string }).node
  const lock = read('package-lock.json')['packages'] as Record<string, { dev?: boolean; engines?: { node?: string } }>
  const runtime = Object.entries(lock).filter(([path, entry]) => path !== '' && entry.dev !== true && typeof entry.engines?.node === 'string')
  expect(runtime.length).toBeGreaterThan(10)
  const conflicts: string[] = []
  for (let major = 20; major <= 30; major++) {
    for (let minor = 0; minor <= 40; minor++) {
      for (const patch of [0, 2, 10]) {
        const version: Version = [major, minor, patch]
        if (!satisfies(version, ours)) continue
        for (const [path, entry] of runtime) {
          if (!satisfies(version, entry.engines?.node ?? '*')) conflicts.push(`${version.join('.')}: ${path.replace(/^.*node_modules\//, '')} wants ${entry.engines?.node}`)
        }
      }
    }
  }
  expect(conflicts.slice(0, 5)).toEqual([])
})
