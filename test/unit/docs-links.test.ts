import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

/** README, CONTRIBUTING and every page under docs/: the documentation a newcomer reads. */
function docFiles(): string[] {
  const files = ['README.md', 'CONTRIBUTING.md'].filter((f) => existsSync(join(root, f)))
  const walk = (dir: string): void => {
    if (!existsSync(join(root, dir))) return
    for (const name of readdirSync(join(root, dir))) {
      const path = join(dir, name)
      if (statSync(join(root, path)).isDirectory()) walk(path)
      else if (name.endsWith('.md')) files.push(path)
    }
  }
  walk('docs')
  return files
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const line of stripCode(text).split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line)?.[1]
    if (heading === undefined) continue
    const base = slug(heading)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  return anchors
}

/** fenced blocks are examples, not references */
const stripCode = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '')

/** folders the tests and builds write (gitignored): named in the docs, absent in a clean checkout */
const GENERATED = ['test/e2e/artifacts/', 'dist/']

const REPO_PATH = /^(?:src|mock-server|test|docs|\.ci)\/[\w./-]*[\w/]$/

describe('documentation', () => {
  const files = docFiles()

  it('has a README and at least one page', () => {
    expect(files).toContain('README.md')
  })

  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8')
    const prose = stripCode(text)

    it(`${file}: every relative link resolves to a file and, with #anchor, to a heading`, () => {
      const broken: string[] = []
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (target === undefined || /^(?:[a-z]+:|\/\/)/i.test(target)) continue
        const [path = '', anchor] = target.split('#')
        const resolved = path === '' ? join(root, file) : resolve(root, dirname(file), decodeURI(path))
        if (!existsSync(resolved)) {
          broken.push(`${target} (no file ${relative(root, resolved)})`)
          continue
        }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${target} (no heading #${anchor})`)
      }
      expect(broken).toEqual([])
    })

    it(`${file}: every repository path it names exists`, () => {
      const missing: string[] = []
      for (const [, span] of prose.matchAll(/`([^`\n]+)`/g)) {
        if (span === undefined || !REPO_PATH.test(span) || span.includes('*') || GENERATED.some((g) => span.startsWith(g))) continue
        if (!existsSync(join(root, span))) missing.push(span)
      }
      expect(missing).toEqual([])
    })
  }
})
