import { readFileSync } from 'node:fs'
import { beforeAll, expect, it } from 'vitest'
import { CLI_DOC, commandNames, withReference } from '../docs/cli-reference.ts'

// every command's --help runs in its own process: once, outside the tests' timeout
let expected = ''
beforeAll(async () => {
  expected = await withReference(readFileSync(CLI_DOC, 'utf8'))
}, 120_000)

it('finds the commands in the loops-playground --help text', () => {
  expect(commandNames()).toEqual(expect.arrayContaining(['map', 'send', 'mock-server', 'proxy']))
})

it('gives every command that --help lists a section in docs/cli.md', () => {
  const doc = readFileSync(CLI_DOC, 'utf8')
  const missing = commandNames().filter((name) => !doc.includes(`### \`loops-playground ${name}\``))
  expect(missing).toEqual([])
})

it('documents each command in docs/cli.md with exactly its --help text (run npm run docs:cli after changing one)', () => {
  expect(readFileSync(CLI_DOC, 'utf8')).toBe(expected)
})
