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

const doc = parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDoc
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
  const path = apiPath.replace(/^\/api/, '').replace(/\?.*$/, '')
  const schema = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']?.schema
  if (schema === undefined) return undefined
  const validate = ajv.getSchema(
    `${DOC_ID}#/${pointer('paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`,
  )
  if (!validate) throw new Error(`cannot compile the OpenAPI schema for ${method} ${path} ${status}`)
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`)
}
