import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { UsageError } from './usage-error.ts'

export interface CommandLine {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
  /** -h or --help was given. */
  help: boolean
}

/**
 * `node:util` parseArgs, strict, for one command: only the given options (plus -h/--help) are accepted, and its
 * errors become one-line UsageErrors ("unknown option --x", "--preset needs a value"). A long option written
 * with one dash (`-preset`) is refused with a hint rather than read as a bundle of short options.
 */
export function parseCommandLine(argv: readonly string[], options: ParseArgsOptionsConfig): CommandLine {
  const config = { ...options, help: { type: 'boolean', short: 'h' } } satisfies ParseArgsOptionsConfig
  const end = argv.indexOf('--')
  for (const arg of end === -1 ? argv : argv.slice(0, end)) {
    const single = /^-([a-zA-Z][\w-]+)(=.*)?$/.exec(arg)
    if (single) {
      const name = single[1] ?? ''
      throw new UsageError(name in config ? `unknown option ${arg}: long options take two dashes, --${name}` : `unknown option ${arg}`)
    }
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: true })
    return { values, positionals, help: values['help'] === true }
  } catch (error) {
    throw new UsageError(explain(error as Error & { code?: string }))
  }
}

function explain(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? ''
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message)) return `${option} takes no value`
    return `${option} needs a value (write ${option}=VALUE for a value that starts with -)`
  }
  return error.message
}
