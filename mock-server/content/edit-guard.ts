import type { MockState } from '../mock-state.ts'
import type { EmailMessageRecord, TeamContent } from './content-store.ts'
import type { GuardianContext } from './guardian.ts'

/**
 * "The campaign or transactional email that owns this email message must be in `Draft` status": a sent campaign's
 * message and a transactional email's published message are read-only (409).
 */
export function editBlocked(content: TeamContent, message: EmailMessageRecord): string | undefined {
  if (message.owner.kind === 'campaign') {
    const campaign = content.campaigns.get(message.owner.id)
    if (campaign && campaign.status !== 'Draft') return `Campaign "${campaign.id}" is not in draft status (it is ${campaign.status}): its email message can no longer be edited.`
  }
  if (message.owner.kind === 'transactional') {
    const meta = content.transactionals.get(message.owner.id)
    if (meta && meta.draftMessageId !== message.id)
      return `Email message "${message.id}" is not the draft of transactional email "${message.owner.id}": call POST /v1/transactional-emails/${message.owner.id}/draft and edit the draft it returns.`
  }
  return undefined
}

/**
 * What Guardian needs to know about the message's parent: the team's contact properties, the trigger's event
 * properties, and for a system transactional email the data variables Loops fills.
 */
export function guardianContext(state: MockState, content: TeamContent, message: EmailMessageRecord): GuardianContext {
  const contactProperties = new Set(state.db.properties.findMany((q) => q.where({ team: content.team })).map((p) => p.key))
  let eventProperties: Set<string> | undefined
  if (message.owner.kind === 'workflow') {
    const workflow = content.workflows.get(message.owner.id)
    const trigger = workflow?.nodes.get(workflow.rootNodeId)
    if (trigger?.typeName === 'EventTrigger' && trigger.eventName) eventProperties = new Set(content.eventPatterns.get(trigger.eventName)?.properties.keys() ?? [])
  }
  const owner = message.owner
  const systemDataVariables = owner.kind === 'transactional' ? state.db.transactionals.findFirst((q) => q.where({ team: content.team, id: owner.id }))?.systemDataVariables : undefined
  return { contactProperties, eventProperties, systemDataVariables }
}
