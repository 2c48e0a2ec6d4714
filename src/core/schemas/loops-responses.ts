import * as z from 'zod'

/** Loops' success envelope; some endpoints add `id`, `message` or `teamName`. */
export const LoopsSuccessResponse = z.looseObject({
  success: z.literal(true),
  id: z.string().optional(),
  message: z.string().optional(),
  teamName: z.string().optional(),
})
export type LoopsSuccessResponse = z.infer<typeof LoopsSuccessResponse>

/** Loops' error envelope: `{success:false,message}`; the 401 also carries the deprecated `error` string. */
export const LoopsErrorResponse = z.looseObject({
  success: z.literal(false),
  message: z.string(),
  error: z.union([z.string(), z.looseObject({ path: z.string().optional(), message: z.string().optional() })]).optional(),
})
export type LoopsErrorResponse = z.infer<typeof LoopsErrorResponse>

export const LoopsResponse = z.union([LoopsSuccessResponse, LoopsErrorResponse])
export type LoopsResponse = z.infer<typeof LoopsResponse>
