/** The mock server's control API refused a call: what was called, the status and the mock's message. */
export class MockControlError extends Error {
  override readonly name = 'MockControlError'
  readonly method: string
  readonly path: string
  readonly status: number

  constructor(method: string, path: string, status: number, detail: string) {
    super(`${method} ${path} answered ${status}: ${detail}`)
    this.method = method
    this.path = path
    this.status = status
  }
}
