import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

// Loops' published OpenAPI document (https://app.loops.so/openapi.yaml, version 1.21.6), kept in the repo so the
// contract suite runs from any checkout.
const OPENAPI_PATH = new URL('./reference/loops-openapi-1.21.6.yaml', import.meta.url)
const DOC_ID = 'https://loops.so/openapi-1.21.6.json'

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>
}

const doc = parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDoc & { components: { schemas: Record<string, { additionalProperties?: unknown }> } }
// A known inconsistency of the 1.21.6 document: `WorkflowNodeWithRevision` is `allOf: [WorkflowNode, {workflowRevisionId}]`
// but each detailed `*WorkflowNode` schema sets `additionalProperties: false`, so under JSON Schema no node with its
// revision (the documented GET-node answer) could validate. The closed flag is dropped on those schemas only.
for (const [name, schema] of Object.entries(doc.components.schemas))
  if (/^[A-Za-z]+WorkflowNode$/.test(name) && !name.startsWith('Simplified')) delete schema.additionalProperties
// Another: `incomingWebhookPlatform` is `type: [string, null]` with `enum: [clerk, polar, stripe, supabase, "null"]`,
// so the documented `null` of a custom event fails the enum; the JSON null is added to it.
for (const name of ['EventPatternSummary', 'EventPattern']) {
  const platform = (doc.components.schemas[name] as { properties?: { incomingWebhookPlatform?: { enum?: unknown[] } } } | undefined)?.properties?.incomingWebhookPlatform
  platform?.enum?.push(null)
}
// OpenAPI 3.1 schemas are JSON Schema 2020-12; the document itself is added as one schema so $refs resolve.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
addFormats.default(ajv)
ajv.addSchema({ ...doc, $id: DOC_ID })

const pointer = (...parts: string[]): string => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

/**
 * Validates a response body against Loops' OpenAPI document. Returns `undefined` when the document defines no
 * JSON schema for this method, path and status (nothing to check), else the list of errors (empty = valid).
 */
export function openApiErrors(method: string, apiPath: string, status: number, body: unknown): string[] | undefined {
  const path = templateOf(apiPath.replace(/^\/api/, '').replace(/\?.*$/, ''))
  if (path === undefined) return undefined
  const schema = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']?.schema
  if (schema === undefined) return undefined
  const validate = ajv.getSchema(
    `${DOC_ID}#/${pointer('paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`,
  )
  if (!validate) throw new Error(`cannot compile the OpenAPI schema for ${method} ${path} ${status}`)
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`)
}

const templates = Object.keys(doc.paths).map((t) => ({ template: t, segments: t.split('/') }))

/** The document's path template for a concrete path (`/v1/campaigns/abc` → `/v1/campaigns/{campaignId}`); literal segments win. */
export function templateOf(path: string): string | undefined {
  if (doc.paths[path]) return path
  const segments = path.replace(/\/+$/, '').split('/')
  const matches = templates.filter((t) => t.segments.length === segments.length && t.segments.every((s, i) => s === segments[i] || (/^\{\w+\}$/.test(s) && segments[i] !== '')))
  matches.sort((a, b) => b.segments.filter((s) => !s.startsWith('{')).length - a.segments.filter((s) => !s.startsWith('{')).length)
  return matches[0]?.template
}

/** Every path and method of the document, e.g. `GET /v1/campaigns/{campaignId}`. */
export const documentedOperations = (): string[] =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`))
