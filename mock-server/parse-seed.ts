import * as z from 'zod'
import { parseLmx } from '../src/core/lmx/index.ts'
import type { MockSeed } from './types.ts'

const Variable = z.union([z.string().min(1), z.object({ name: z.string().min(1), required: z.boolean().optional() })])

const SeedSchema = z.object({
  lists: z.array(z.object({ id: z.string().min(1).optional(), name: z.string().min(1), description: z.string().nullable().optional(), isPublic: z.boolean().optional() })).optional(),
  properties: z.array(z.object({ key: z.string().regex(/^[A-Za-z_$][\w$]*$/), label: z.string().optional(), type: z.enum(['string', 'number', 'boolean', 'date']) })).optional(),
  transactionalEmails: z.array(z.object({ id: z.string().min(1).optional(), name: z.string().min(1), dataVariables: z.array(Variable).optional(), published: z.boolean().optional(), system: z.boolean().optional() })).optional(),
  contacts: z.array(z.looseObject({ email: z.string(), userId: z.string().optional(), suppressed: z.boolean().optional() })).optional(),
  content: z
    .object({
      themes: z.array(z.object({ id: z.string().min(1).optional(), name: z.string().min(1), styles: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional(),
      components: z.array(z.object({ id: z.string().min(1).optional(), name: z.string().min(1), lmx: z.string() })).optional(),
      campaigns: z.array(z.object({ id: z.string().min(1).optional(), name: z.string().min(1), subject: z.string().optional(), lmx: z.string().optional() })).optional(),
      workflows: z.array(z.object({ id: z.string().min(1).optional(), name: z.string().min(1), description: z.string().optional() })).optional(),
    })
    .optional(),
})

/** Checks a seed read from a file; the error names every problem with its path (e.g. `lists[0].name`). */
export function parseSeed(value: unknown): MockSeed {
  const result = SeedSchema.safeParse(value)
  if (!result.success) throw new TypeError(`invalid seed:\n${z.prettifyError(result.error)}`)
  const content = result.data.content
  for (const [kind, items] of [['components', content?.components ?? []], ['campaigns', content?.campaigns ?? []]] as const)
    items.forEach((item, i) => {
      if (item.lmx === undefined) return
      const parsed = parseLmx(item.lmx, { component: kind === 'components' })
      if (!parsed.ok) throw new TypeError(`invalid seed: content.${kind}[${i}].lmx does not compile: ${parsed.error.message}`)
    })
  return result.data as MockSeed
}
