import { checkEmailField } from './check-email-field.ts'
import { checkLength } from './check-length.ts'
import { issueOf } from './issue-of.ts'
import { isObject } from './is-object.ts'
import { kindOf } from './kind-of.ts'
import type { LoopsIssue } from './loops-issue.ts'
import { readMap } from './read-map.ts'

const isRow = (row: unknown): boolean => isObject(row) && Object.values(row).every((c) => typeof c === 'string' || typeof c === 'number')

/**
 * `POST /v1/transactional`: `transactionalId` and a valid `email` are required; `addToAudience` is a boolean;
 * `dataVariables` values are strings or numbers (within 500 JSON characters), or arrays of objects of strings and
 * numbers for array blocks (`null` does not work); each attachment has string `filename`, `contentType`, `data`.
 */
export function checkTransactional(body: Record<string, unknown>, issues: LoopsIssue[]): void {
  const { transactionalId, email, addToAudience } = body
  if (typeof transactionalId !== 'string' || transactionalId === '')
    issues.push(issueOf('transactional-id-missing', 'body.transactionalId', 'Missing a required parameter: transactionalId.', 'The request has no transactionalId: the id of a published transactional email.'))
  const emailIssue = checkEmailField('body.email', email)
  if (emailIssue) issues.push(email === undefined ? { ...emailIssue, code: 'email-missing', detail: 'The request has no email: the recipient is required.' } : emailIssue)
  if (addToAudience !== undefined && typeof addToAudience !== 'boolean')
    issues.push(issueOf('value-type', 'body.addToAudience', `"addToAudience" must be true or false, got ${kindOf(addToAudience)}.`, `"addToAudience" must be true or false, got ${kindOf(addToAudience)}.`))
  if (body.dataVariables !== undefined) {
    for (const [name, v] of Object.entries(readMap('body.dataVariables', 'dataVariables', body.dataVariables, issues))) {
      if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) checkLength('body.dataVariables', name, v, issues)
      else if (!(Array.isArray(v) && v.every(isRow)))
        issues.push(
          issueOf(
            'data-variable-type',
            `body.dataVariables.${name}`,
            `Invalid value for "dataVariables.${name}": it is ${kindOf(v)}; send a string or number (or, for an array block, an array of objects of strings and numbers). null does not work: leave optional variables out or send "".`,
            `"dataVariables.${name}" is ${kindOf(v)}; send a string or number (or, for an array block, an array of objects of strings and numbers). null does not work: leave optional variables out or send "".`,
          ),
        )
    }
  }
  const attachments = body.attachments
  if (attachments === undefined) return
  if (!Array.isArray(attachments)) {
    issues.push(issueOf('attachment-invalid', 'body.attachments', `"attachments" must be an array, got ${kindOf(attachments)}.`, `"attachments" must be an array of {filename, contentType, data}, got ${kindOf(attachments)}.`))
    return
  }
  attachments.forEach((item: unknown, i) => {
    for (const field of ['filename', 'contentType', 'data']) {
      if (!isObject(item) || typeof item[field] !== 'string') {
        const message = `"attachments[${i}].${field}" is required and must be a string.`
        issues.push(issueOf('attachment-invalid', `body.attachments[${i}].${field}`, message, message))
        return
      }
    }
  })
}
