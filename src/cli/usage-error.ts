/** A bad command line: the command prints the message with "See --help." and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Input or preset that cannot be read: the command prints the message and exits 2. */
export class InputError extends Error {
  override name = 'InputError'
}
