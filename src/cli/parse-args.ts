/** Parsed command-line arguments: positionals, and `--name value` / `--flag` options. */
export interface ParsedArgs {
  positionals: string[]
  options: Map<string, string | true>
}

export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * A small strict argv parser: only the named options are accepted; `flags` take no value. Unknown options and
 * missing values throw UsageError with a message that names the option.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = []
  const options = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg)
      continue
    }
    const [name = '', inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string?]
    if (flags.includes(name)) {
      options.set(name, true)
    } else if (valued.includes(name)) {
      const value = inline ?? argv[++i]
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`)
      options.set(name, value)
    } else {
      throw new UsageError(`unknown option ${arg}`)
    }
  }
  return { positionals, options }
}
