import type { ComponentRecord, EmailMessageRecord, TeamContent } from '../../content/content-store.ts'
import { compileLmx } from '../../content/email-message.ts'
import { newestFirst, paginate } from '../../content/paginate.ts'
import { atLeastOne, onlyKeys, readString } from '../../content/read-fields.ts'
import { LoopsRequestError } from '../../loops-request-error.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { contentRoute, created, notFound } from './content-route.ts'

const componentJson = (c: ComponentRecord) => ({ id: c.id, name: c.name, lmx: c.lmx })

/** Which variable namespaces an email may use, by the kind of its parent. */
const ALLOWED: Record<EmailMessageRecord['owner']['kind'], readonly string[]> = { campaign: ['contact', 'system'], workflow: ['contact', 'event', 'system'], transactional: ['data', 'system'] }

const usedBy = (content: TeamContent, id: string): EmailMessageRecord[] => [...content.messages.values()].filter((m) => m.doc.componentIds.includes(id))

export const componentRoutes: Route[] = [
  contentRoute('components', {
    GET: ({ url }, content) => paginate(url, newestFirst(content.components), componentJson),
    POST: async ({ state, body }, content) => {
      const json = await body()
      onlyKeys(json, ['name', 'lmx'])
      const name = readString(json, 'name', { required: true, max: 255 })
      const lmx = readString(json, 'lmx', { required: true })
      const doc = compileLmx(lmx, content, { component: true })
      const component: ComponentRecord = { id: state.newId(), name, lmx, doc, createdAt: state.clock.now() }
      content.components.set(component.id, component)
      return created(componentJson(component))
    },
  }),
  contentRoute('components/{componentId}', {
    GET: ({ params }, content) => {
      const component = content.components.get(params.componentId ?? '')
      if (!component) throw notFound('Component', params.componentId ?? '')
      return ok(componentJson(component))
    },
    POST: async ({ params, body }, content) => {
      const json = await body()
      onlyKeys(json, ['name', 'lmx'])
      atLeastOne(json, ['name', 'lmx'])
      const name = readString(json, 'name', { max: 255, nonEmpty: true })
      const lmx = readString(json, 'lmx')
      const component = content.components.get(params.componentId ?? '')
      if (!component) throw notFound('Component', params.componentId ?? '')
      const doc = lmx === undefined ? component.doc : compileLmx(lmx, content, { component: true })
      const emails = usedBy(content, component.id)
      if (lmx !== undefined) {
        // "A change that would introduce a dynamic variable an email using the component cannot use is rejected."
        const invalid = new Set<string>()
        for (const email of emails) for (const v of doc.variables) if (!ALLOWED[email.owner.kind].includes(v.kind)) invalid.add(v.raw)
        if (invalid.size > 0)
          throw new LoopsRequestError(422, `The change would add dynamic variables that ${emails.length === 1 ? 'an email' : 'emails'} using this component cannot use: ${[...invalid].join(', ')}.`, { invalidTags: [...invalid] })
      }
      const changed = lmx !== undefined && lmx !== component.lmx
      const next: ComponentRecord = { ...component, ...(name !== undefined ? { name } : {}), ...(lmx !== undefined ? { lmx, doc } : {}) }
      content.components.set(next.id, next)
      return ok({ ...componentJson(next), affectedEmailCount: changed ? emails.length : 0 })
    },
  }),
]
