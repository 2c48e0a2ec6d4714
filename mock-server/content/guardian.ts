import type { LmxHref, LmxVariable } from '../../src/core/lmx/index.ts'
import type { EmailMessageRecord } from './content-store.ts'
import { dataVariableRoot, isDataVariableName } from './data-variable-name.ts'

export type GuardianRuleName =
  | 'unsupportedContactProperties' | 'missingFallbackContactProperties' | 'unsupportedEventProperties' | 'missingFallbackEventProperties'
  | 'unsupportedDataVariables' | 'invalidCustomDataVariables' | 'missingRequiredDataVariables'
  | 'missingButtonHrefs' | 'invalidButtonHrefs' | 'shortenedYouTubeButtonHrefs' | 'missingLinkHrefs'
  | 'invalidLinkHrefs' | 'shortenedYouTubeLinkHrefs' | 'shortenedYouTubeImageHrefs' | 'emailWithoutMailtoButtonHrefs'
  | 'emailWithoutMailtoLinkHrefs' | 'emailWithoutMailtoImageHrefs' | 'bareArrayNodes' | 'missingSocialIconHrefs'

export interface GuardianItem {
  label: string
  codeName?: string
}

export interface GuardianFinding {
  rule: GuardianRuleName
  title: string
  description: string
  items: GuardianItem[]
}

export interface GuardianContext {
  /** the team's contact property keys */
  contactProperties: ReadonlySet<string>
  /** for workflow emails: the event properties of the workflow's event trigger (undefined: no event trigger) */
  eventProperties: ReadonlySet<string> | undefined
  /** for system transactional emails: the data variables Loops fills, each of which the content must use */
  systemDataVariables: readonly string[] | undefined
}

const RULES: Record<GuardianRuleName, { title: string; description: string; severity: 'error' | 'warning' }> = {
  unsupportedContactProperties: { title: 'Unsupported contact properties', description: 'These contact properties do not exist for this team or cannot be used in this kind of email, so they would render empty.', severity: 'error' },
  missingFallbackContactProperties: { title: 'Contact properties without a fallback', description: 'Contacts without a value for these properties would see an empty space; set a fallback.', severity: 'warning' },
  unsupportedEventProperties: { title: 'Unsupported event properties', description: "These event properties are not sent with the workflow's trigger event, or this email is not triggered by an event.", severity: 'error' },
  missingFallbackEventProperties: { title: 'Event properties without a fallback', description: 'Events without these properties would render an empty space; set a fallback.', severity: 'warning' },
  unsupportedDataVariables: { title: 'Unsupported data variables', description: 'Data variables only exist in transactional emails.', severity: 'error' },
  invalidCustomDataVariables: { title: 'Invalid data variable names', description: 'Data variable names are letters, numbers, underscores and dashes (dots and [] for nested and array values); a send cannot fill these.', severity: 'error' },
  missingRequiredDataVariables: { title: 'Missing required data variables', description: 'This system email needs these data variables in its content; add them back.', severity: 'error' },
  missingButtonHrefs: { title: 'Buttons without a link', description: 'These buttons have no href, so clicking them does nothing.', severity: 'error' },
  invalidButtonHrefs: { title: 'Buttons with an invalid link', description: 'These button links are not valid URLs (https://…, mailto:, tel: or a variable).', severity: 'error' },
  shortenedYouTubeButtonHrefs: { title: 'Shortened YouTube button links', description: 'youtu.be links are often flagged as spam; use the full youtube.com URL.', severity: 'warning' },
  missingLinkHrefs: { title: 'Links without a target', description: 'These links have an empty href.', severity: 'error' },
  invalidLinkHrefs: { title: 'Invalid links', description: 'These link targets are not valid URLs (https://…, mailto:, tel: or a variable).', severity: 'error' },
  shortenedYouTubeLinkHrefs: { title: 'Shortened YouTube links', description: 'youtu.be links are often flagged as spam; use the full youtube.com URL.', severity: 'warning' },
  shortenedYouTubeImageHrefs: { title: 'Shortened YouTube image links', description: 'youtu.be links are often flagged as spam; use the full youtube.com URL.', severity: 'warning' },
  emailWithoutMailtoButtonHrefs: { title: 'Email address without mailto:', description: 'A button linking to an email address needs the mailto: prefix.', severity: 'error' },
  emailWithoutMailtoLinkHrefs: { title: 'Email address without mailto:', description: 'A link to an email address needs the mailto: prefix.', severity: 'error' },
  emailWithoutMailtoImageHrefs: { title: 'Email address without mailto:', description: 'An image linking to an email address needs the mailto: prefix.', severity: 'error' },
  bareArrayNodes: { title: 'Arrays without a namespace', description: 'An array block needs a namespaced variable such as {data.items}; a bare {items} is not filled.', severity: 'error' },
  missingSocialIconHrefs: { title: 'Social icons without a link', description: 'These icons have no href.', severity: 'warning' },
}

const isVariableStart = (href: string): boolean => href.startsWith('{')
const looksLikeEmail = (href: string): boolean => /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(href)
function validHref(href: string): boolean {
  if (isVariableStart(href) || /^(mailto|tel|sms):\S+$/i.test(href)) return true
  try {
    const url = new URL(href.replace(/\{[^{}]*\}/g, 'x'))
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

const unique = (items: GuardianItem[]): GuardianItem[] => [...new Map(items.map((i) => [`${i.codeName ?? ''}\u0000${i.label}`, i])).values()]

/**
 * Loops' Guardian checks that can be decided from the saved message: variables the parent type cannot use or that
 * lack a fallback, and missing or invalid link, button, image and icon targets. Campaigns check contact properties,
 * workflow emails contact and event properties, transactional emails data variables and their names, system
 * transactional emails the data variables Loops fills; array blocks of every kind need a namespaced variable.
 */
export function runGuardian(message: EmailMessageRecord, ctx: GuardianContext): { errors: GuardianFinding[]; warnings: GuardianFinding[] } {
  const found = new Map<GuardianRuleName, GuardianItem[]>()
  const add = (rule: GuardianRuleName, item: GuardianItem): void => void found.set(rule, [...(found.get(rule) ?? []), item])
  const system = message.owner.kind === 'transactional' ? ctx.systemDataVariables : undefined
  const isSystem = system !== undefined
  for (const v of message.doc.variables) checkVariable(v, message, ctx, isSystem, add)
  for (const v of message.doc.loops) {
    if (v.bare) add('bareArrayNodes', { label: v.raw, codeName: v.name })
    else checkVariable(v, message, ctx, isSystem, add)
  }
  if (system) {
    const used = new Set([...message.doc.variables, ...message.doc.loops].filter((v) => v.kind === 'data').map((v) => dataVariableRoot(v.name)))
    for (const name of system) if (!used.has(name)) add('missingRequiredDataVariables', { label: `{data.${name}}`, codeName: name })
  }
  for (const h of message.doc.hrefs) checkHref(h, add)
  const errors: GuardianFinding[] = []
  const warnings: GuardianFinding[] = []
  for (const [rule, items] of found) {
    const { title, description, severity } = RULES[rule]
    ;(severity === 'error' ? errors : warnings).push({ rule, title, description, items: unique(items) })
  }
  return { errors, warnings }
}

type Add = (rule: GuardianRuleName, item: GuardianItem) => void

function checkVariable(v: LmxVariable, message: EmailMessageRecord, ctx: GuardianContext, system: boolean, add: Add): void {
  const kind = message.owner.kind
  if (v.kind === 'data') {
    if (kind !== 'transactional') add('unsupportedDataVariables', { label: v.raw, codeName: dataVariableRoot(v.name) })
    else if (!system && !isDataVariableName(v.name)) add('invalidCustomDataVariables', { label: v.raw, codeName: v.name })
    return
  }
  const root = v.name.split('.')[0] ?? v.name
  const item = { label: v.raw, codeName: root }
  if (v.kind === 'contact') {
    if (kind === 'transactional' || v.bare || !ctx.contactProperties.has(root)) add('unsupportedContactProperties', item)
    else if (!Object.hasOwn(message.contactPropertiesFallbacks, root)) add('missingFallbackContactProperties', item)
  } else if (v.kind === 'event') {
    if (kind !== 'workflow' || ctx.eventProperties === undefined || !ctx.eventProperties.has(root)) add('unsupportedEventProperties', item)
    else if (!Object.hasOwn(message.eventPropertiesFallbacks, root)) add('missingFallbackEventProperties', item)
  }
}

function checkHref(h: LmxHref, add: Add): void {
  const href = h.href?.trim() ?? ''
  const label = h.label.trim() || h.tag
  if (h.tag === 'Icon') {
    if (href === '') add('missingSocialIconHrefs', { label })
    return
  }
  const kind = h.tag === 'Button' ? 'Button' : h.tag === 'Image' ? 'Image' : 'Link'
  if (href === '') {
    if (kind === 'Button') add('missingButtonHrefs', { label })
    else if (kind === 'Link') add('missingLinkHrefs', { label })
    return
  }
  if (looksLikeEmail(href)) return add(`emailWithoutMailto${kind}Hrefs`, { label: `${label} (${href})` })
  if (/^https?:\/\/(www\.)?youtu\.be\//i.test(href)) return add(`shortenedYouTube${kind}Hrefs`, { label: `${label} (${href})` })
  if (!validHref(href) && kind !== 'Image') add(kind === 'Button' ? 'invalidButtonHrefs' : 'invalidLinkHrefs', { label: `${label} (${href})` })
}
