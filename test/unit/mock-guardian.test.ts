import type { GuardianRuleName as SdkGuardianRuleName } from 'loops'
import { expect, expectTypeOf, it } from 'vitest'
import type { EmailMessageRecord, MessageOwner } from '../../mock-server/content/content-store.ts'
import { runGuardian, type GuardianContext, type GuardianFinding, type GuardianRuleName } from '../../mock-server/content/guardian.ts'
import { parseLmx } from '../../src/core/lmx/index.ts'

const CONTEXT: GuardianContext = { contactProperties: new Set(['firstName']), eventProperties: undefined, systemDataVariables: undefined }
const SYSTEM: GuardianContext = { ...CONTEXT, systemDataVariables: ['confirmationUrl', 'teamName'] }

function message(kind: MessageOwner['kind'], lmx: string, dataVariablesFallbacks: Record<string, string> = {}): EmailMessageRecord {
  const parsed = parseLmx(lmx)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return {
    id: 'cmmessage0000000000000001',
    team: 'Guardian Team',
    owner: { kind, id: 'cmowner000000000000000001' },
    subject: 'Subject',
    previewText: '',
    fromName: 'Team',
    fromEmail: 'hello',
    replyToEmail: '',
    emailFormat: 'styled',
    lmx,
    doc: parsed.document,
    contentRevisionId: 'cmrevision000000000000001',
    updatedAt: 0,
    contactPropertiesFallbacks: {},
    eventPropertiesFallbacks: {},
    dataVariablesFallbacks,
  }
}

const guard = (kind: MessageOwner['kind'], lmx: string, context: GuardianContext = CONTEXT) => runGuardian(message(kind, lmx), context)
const finding = (result: { errors: GuardianFinding[]; warnings: GuardianFinding[] }, rule: GuardianRuleName): GuardianFinding | undefined =>
  [...result.errors, ...result.warnings].find((f) => f.rule === rule)

it('reports transactional data variables whose names LMX does not allow as invalidCustomDataVariables errors', () => {
  const result = guard('transactional', '<Paragraph>{data.total$} {data.a/b} {data.} {DATA_VARIABLE:plan!}</Paragraph>')
  expect(result.errors.map((f) => f.rule)).toEqual(['invalidCustomDataVariables'])
  expect(finding(result, 'invalidCustomDataVariables')?.items).toEqual([
    { label: '{data.total$}', codeName: 'total$' },
    { label: '{data.a/b}', codeName: 'a/b' },
    { label: '{data.}', codeName: '' },
    { label: '{DATA_VARIABLE:plan!}', codeName: 'plan!' },
  ])
})

it('accepts data variable names of letters, numbers, underscores, dashes, dots and array notation', () => {
  const lmx = '<Paragraph>{data.orderId} {data.order-total} {data.order_2.id} {DATA_VARIABLE:code}</Paragraph><For variable="{data.products}"><Paragraph>{data.products[].name}</Paragraph></For><Button href="https://a.example/{data.token}">Go</Button>'
  expect(guard('transactional', lmx)).toEqual({ errors: [], warnings: [] })
})

it('checks custom data variable names in transactional emails only, not in system emails or other emails', () => {
  expect(finding(guard('transactional', '<Paragraph>{data.total$} {data.confirmationUrl} {data.teamName}</Paragraph>', SYSTEM), 'invalidCustomDataVariables')).toBeUndefined()
  const campaign = guard('campaign', '<Paragraph>{data.total$}</Paragraph>')
  expect(campaign.errors.map((f) => f.rule)).toEqual(['unsupportedDataVariables'])
})

it('reports each data variable a system email needs but its content does not use as missingRequiredDataVariables errors', () => {
  const result = guard('transactional', '<Button href="{data.confirmationUrl}">Confirm</Button>', SYSTEM)
  expect(result.errors.map((f) => f.rule)).toEqual(['missingRequiredDataVariables'])
  expect(finding(result, 'missingRequiredDataVariables')?.items).toEqual([{ label: '{data.teamName}', codeName: 'teamName' }])
})

it('counts a system data variable used in text, a link, an array block or the legacy form as present', () => {
  expect(guard('transactional', '<Paragraph><Link href="{data.confirmationUrl}">confirm</Link> {DATA_VARIABLE:teamName}</Paragraph>', SYSTEM)).toEqual({ errors: [], warnings: [] })
  expect(finding(guard('transactional', '<For variable="{data.teamName}"><Paragraph>{data.teamName[].x} {data.confirmationUrl}</Paragraph></For>', SYSTEM), 'missingRequiredDataVariables')).toBeUndefined()
})

it('asks no required data variables of regular transactional emails', () => {
  expect(finding(guard('transactional', '<Paragraph>Hello</Paragraph>'), 'missingRequiredDataVariables')).toBeUndefined()
})

it('reports an array block whose variable has no namespace as a bareArrayNodes error, not as a contact property', () => {
  for (const kind of ['transactional', 'campaign', 'workflow'] as const) {
    const result = guard(kind, '<For variable="{items}"><Paragraph>Item</Paragraph></For>')
    expect(result.errors.map((f) => f.rule)).toEqual(['bareArrayNodes'])
    expect(finding(result, 'bareArrayNodes')?.items).toEqual([{ label: '{items}', codeName: 'items' }])
  }
})

it('accepts array blocks whose variable has a namespace', () => {
  expect(finding(guard('transactional', '<For variable="{data.items}"><Paragraph>{data.items[].name}</Paragraph></For>'), 'bareArrayNodes')).toBeUndefined()
  expect(finding(guard('campaign', '<For variable="{contact.firstName}"><Paragraph>Item</Paragraph></For>'), 'bareArrayNodes')).toBeUndefined()
})

it('gives every finding a rule, a title, a description and items with a label', () => {
  const result = guard('transactional', '<Paragraph>{data.total$}</Paragraph><For variable="{items}"><Paragraph>x</Paragraph></For>', { ...CONTEXT, systemDataVariables: undefined })
  for (const f of [...result.errors, ...result.warnings]) {
    expect(f.title.length).toBeGreaterThan(0)
    expect(f.description.length).toBeGreaterThan(0)
    for (const item of f.items) expect(item.label.length).toBeGreaterThan(0)
  }
})

it('names exactly the rules of the SDK and the OpenAPI document (checked by the type checker)', () => {
  expectTypeOf<GuardianRuleName>().toEqualTypeOf<SdkGuardianRuleName>()
})
