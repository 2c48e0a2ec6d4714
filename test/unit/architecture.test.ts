import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'

const CORE = join(import.meta.dirname, '../../src/core')
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))

it('keeps src/core free of host imports: only zod, acorn, standardwebhooks and its own files', () => {
  const offenders: string[] = []
  for (const file of files(CORE)) {
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const spec = match[1] ?? ''
      const local = spec.startsWith('.') && !relative(CORE, join(file, '..', spec)).startsWith('..')
      if (!local && spec !== 'zod' && spec !== 'acorn' && spec !== 'standardwebhooks') offenders.push(`${relative(CORE, file)} imports ${spec}`)
    }
  }
  expect(offenders).toEqual([])
})

// I/O globals (fetch, timers, Date.now, window, process…) are forbidden in src/core by oxlint's scope-aware
// no-restricted-globals rule (.oxlintrc.json), which `npm test` runs; an injected `fetch` parameter is allowed.
