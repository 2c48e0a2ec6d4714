import type { MockState } from '../mock-state.ts'
import type { EmailMessageRecord, TeamContent } from './content-store.ts'
import { guardianContext } from './edit-guard.ts'
import { runGuardian } from './guardian.ts'

/**
 * Why a draft cannot be published ("Draft failed validation"), or undefined: it needs a subject, some content, and
 * no Guardian errors ("Errors must be resolved before the email can be published").
 */
export function publishProblem(state: MockState, content: TeamContent, draft: EmailMessageRecord): string | undefined {
  if (draft.subject.trim() === '') return 'the subject is empty; set it with POST /v1/email-messages/{emailMessageId}.'
  if (draft.doc.blockCount === 0) return 'the email has no content; set its LMX with POST /v1/email-messages/{emailMessageId}.'
  const { errors } = runGuardian(draft, guardianContext(state, content, draft))
  if (errors.length > 0) return `Guardian found ${errors.map((e) => `${e.rule} (${e.items.map((i) => i.label).join(', ')})`).join('; ')}. See GET /v1/email-messages/${draft.id}/guardian.`
  return undefined
}
