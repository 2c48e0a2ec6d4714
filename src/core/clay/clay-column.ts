import type { ClayMethod } from './clay-endpoint.ts'

/** An HTTP API column as Clay configures it (the connection's headers are the sender's business). */
export interface ClayHttpColumn {
  method: ClayMethod
  /** A Loops URL or `/api/v1/…` path; see `readClayEndpoint`. */
  endpoint: string
  /** The Body field, with `{{Column name}}` tokens. */
  body: string
  /** "Only run if": the column whose cell must be non-empty and not false for the row to run. */
  onlyIf?: string
  /** "Remove null & undefined values". */
  removeEmpty?: boolean
}
