/** What a route answers: a status and a JSON body (the pipeline adds CORS and rate-limit headers). */
export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export const ok = (body: unknown): Reply => ({ status: 200, body })

/** Loops' error envelope, `{success:false,message}`, plus any extra keys the endpoint adds. */
export const fail = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { success: false, message, ...extra },
})
