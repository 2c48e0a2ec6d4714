import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { processIo, type CliIo } from './cli-io.ts'
import { tuneHeapForBatch } from './tune-heap-for-batch.ts'
import { usage } from './usage.ts'

/** A subcommand: takes its argv (after the name) and the io, returns the exit code (-1: a server keeps running). */
export type Command = (argv: string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  map: () => import('./commands/map.ts'),
  send: () => import('./commands/send.ts'),
  'mock-server': () => import('./commands/mock-server.ts'),
  proxy: () => import('./commands/proxy.ts'),
  clay: () => import('./commands/clay.ts'),
  diff: () => import('./commands/diff.ts'),
  webhooks: () => import('./commands/webhooks.ts'),
}

/** `loops-playground <command> …` in-process: dispatches to the command and returns its exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ;(name === undefined ? io.stderr : io.stdout).write(usage())
    return name === undefined ? 2 : 0
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!load) {
    io.stderr.write(`loops-playground: unknown command "${name}". Run loops-playground --help.\n`)
    return 2
  }
  const command = await load()
  return command.run(rest, io)
}

/** Runs the command line of this process. */
export async function runProcess(): Promise<void> {
  tuneHeapForBatch(process.argv[2])
  const code = await main(process.argv.slice(2), processIo())
  // long-running commands (servers) return -1 and keep the process alive
  if (code >= 0) process.exitCode = code
}

const entry = process.argv[1]
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) await runProcess()
