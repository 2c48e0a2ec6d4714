import * as z from 'zod'
import { LoopsContactUpdateRequest, LoopsEventRequest } from './loops-requests.ts'
import { PresetFile } from './preset.ts'

const toDraft07 = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>

/** JSON Schemas (draft-07, the dialect Monaco's JSON service reads) derived from the zod schemas. */
export const jsonSchemas = {
  /** A preset file as written: every key optional (see `PresetFile`). */
  preset: () => toDraft07(PresetFile),
  eventRequest: () => toDraft07(LoopsEventRequest),
  contactUpdateRequest: () => toDraft07(LoopsContactUpdateRequest),
} as const
