import { usage } from './usage.ts'

/** A subcommand: takes its argv (after the name), returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  map: () => import('./commands/map.ts'),
  send: () => import('./commands/send.ts'),
  'mock-server': () => import('./commands/mock-server.ts'),
  proxy: () => import('./commands/proxy.ts'),
  clay: () => import('./commands/clay.ts'),
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name === undefined ? 2 : 0
  }
  const load = COMMANDS[name]
  if (!load) {
    process.stderr.write(`loops-playground: unknown command "${name}". Run loops-playground --help.\n`)
    return 2
  }
  const command = await load()
  return command.run(rest)
}

const code = await main(process.argv.slice(2))
// long-running commands (servers) return -1 and keep the process alive
if (code >= 0) process.exitCode = code
