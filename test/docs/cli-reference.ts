// The command reference in docs/cli.md, made from each command's own --help text, so the two never disagree.
// `npm run docs:cli` rewrites it; test/unit/docs-cli-help.test.ts fails when they differ.
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { usage } from '../../src/cli/usage.ts'

export const CLI_DOC = resolve(import.meta.dirname, '../../docs/cli.md')
const BIN = resolve(import.meta.dirname, '../../src/cli/bin.js')
export const START = "<!-- cli-reference: made by `npm run docs:cli` from each command's --help; do not edit by hand -->"
export const END = '<!-- /cli-reference -->'

/** The commands `loops-playground --help` lists, in its order. */
export function commandNames(): string[] {
  return [...usage().matchAll(/^ {2}loops-playground ([a-z][a-z-]*)/gm)].map((m) => m[1] as string)
}

/** What `loops-playground <name> --help` prints, run as the real command (src/cli/bin.js) in its own process. */
export function helpOf(name: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [BIN, name, '--help'], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error) fail(new Error(`loops-playground ${name} --help exited ${String(error.code)}: ${stderr}`))
      else done(stdout)
    })
  })
}

export async function cliReference(): Promise<string> {
  const names = commandNames()
  const helps = await Promise.all(names.map(helpOf))
  const parts = [START, '', '## Reference', '', "Each section is the command's own `--help` text.", '']
  names.forEach((name, i) => {
    parts.push(`### \`loops-playground ${name}\``, '', '```text', (helps[i] ?? '').trimEnd(), '```', '')
  })
  parts.push(END)
  return parts.join('\n')
}

/** docs/cli.md with its reference section replaced (appended when it has none). */
export async function withReference(doc: string): Promise<string> {
  const reference = await cliReference()
  const from = doc.indexOf(START)
  const to = doc.indexOf(END)
  if (from === -1 || to === -1) return `${doc.trimEnd()}\n\n${reference}\n`
  return `${doc.slice(0, from)}${reference}${doc.slice(to + END.length)}`
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(CLI_DOC, await withReference(readFileSync(CLI_DOC, 'utf8')))
  console.log(`wrote the reference of ${commandNames().join(', ')} into docs/cli.md`)
}
