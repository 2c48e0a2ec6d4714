/**
 * The base of every error the sender records. `isLoopsError` (and `name`) let type guards work across realms
 * (a worker, an iframe), where `instanceof` fails.
 */
export class LoopsError extends Error {
  override name: string = 'LoopsError'

  get isLoopsError(): true {
    return true
  }
}
