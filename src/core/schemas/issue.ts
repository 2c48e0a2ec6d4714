import * as z from 'zod'

/** How bad an issue is: `error` stops the request, `warning` changed it, `info` explains it. */
export const IssueSeverity = z.enum(['error', 'warning', 'info'])
export type IssueSeverity = z.infer<typeof IssueSeverity>

/**
 * One finding about an input call or a request. `path` points into the request (`body.eventProperties.items`)
 * or, before a request exists, into the input (`call.arguments[1]`). `line`/`column` (1-based) are set when the
 * input was a script.
 */
export const Issue = z.object({
  severity: IssueSeverity,
  path: z.string(),
  message: z.string(),
  line: z.int().positive().optional(),
  column: z.int().positive().optional(),
  endLine: z.int().positive().optional(),
  endColumn: z.int().positive().optional(),
})
export type Issue = z.infer<typeof Issue>
