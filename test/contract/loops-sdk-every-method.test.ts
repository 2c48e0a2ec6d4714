import { APIError, LoopsClient } from 'loops'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { frozenClock } from './frozen-clock.ts'
import { openApiErrors } from './openapi.ts'

// Every method of the official `loops` SDK (7.3.0), called in the order a program would call them, against the
// standalone mock on a real port; ids and revision ids come from earlier answers. The last case fails when the SDK
// has a method this file never called, so a new SDK release cannot add an untested method unnoticed.
const KEY = 'sdk-every-method-key'
let server: HttpServerMock
let loops: LoopsClient
const called = new Set<string>()

const sdkMethods = (): string[] =>
  Object.getOwnPropertyNames(LoopsClient.prototype).filter((name) => name !== 'constructor' && !name.startsWith('_') && typeof (LoopsClient.prototype as unknown as Record<string, unknown>)[name] === 'function')

beforeAll(async () => {
  server = await startHttpServerMock({ keys: { [KEY]: 'SDK Content Team' }, clock: frozenClock(), seed: { contacts: [{ email: 'sdk-all-suppressed@example.com', suppressed: true }] } })
  const client = new LoopsClient(KEY)
  client.apiRoot = `${server.url}/api/`
  // records each call; each call starts in a fresh rate-limit window (the clock is frozen otherwise)
  loops = new Proxy(client, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown
      if (typeof name !== 'string' || typeof value !== 'function' || name.startsWith('_')) return value
      return (...args: unknown[]) => {
        called.add(name)
        server.mock.advance(1000)
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
})
afterAll(() => server.close())

const rejection = async (promise: Promise<unknown>): Promise<APIError> => promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error as APIError)

it('tests the key and reads the account: lists, properties, sending IPs', async () => {
  expect(await loops.testApiKey()).toEqual({ success: true, teamName: 'SDK Content Team' })
  expect((await loops.listMailingLists()).length).toBeGreaterThan(0)
  expect(await loops.createContactProperty('planTier', 'string')).toEqual({ success: true })
  expect((await loops.listContactProperties('custom')).map((p) => p.key)).toContain('planTier')
  expect(await loops.listDedicatedSendingIps()).toHaveLength(5)
})

it('manages a contact, its suppression, and sends an event that becomes an event pattern', async () => {
  const { id } = await loops.createContact({ email: 'sdk-all@example.com', properties: { firstName: 'Ada', planTier: 'pro' } })
  expect(await loops.updateContact({ email: 'sdk-all@example.com', properties: { lastName: 'Lovelace' } })).toEqual({ success: true, id })
  expect((await loops.findContact({ email: 'sdk-all@example.com' }))[0]).toMatchObject({ id, lastName: 'Lovelace' })
  expect(await loops.sendEvent({ email: 'sdk-all@example.com', eventName: 'orderShipped', eventProperties: { orderId: 'A-1', total: 12.5, gift: false } })).toEqual({ success: true })
  expect(await loops.checkContactSuppression({ email: 'sdk-all-suppressed@example.com' })).toMatchObject({ isSuppressed: true })
  expect(await loops.removeContactSuppression({ email: 'sdk-all-suppressed@example.com' })).toMatchObject({ success: true })
  expect(await loops.deleteContact({ email: 'sdk-all@example.com' })).toMatchObject({ success: true })

  const patterns = await loops.listEventPatterns({ perPage: 10 })
  const shipped = patterns.data.find((p) => p.eventName === 'orderShipped')
  expect(shipped).toMatchObject({ incomingWebhookPlatform: null })
  const byId = await loops.getEventPattern(shipped?.id ?? '')
  expect(byId.eventProperties).toEqual([{ name: 'orderId', type: 'string' }, { name: 'total', type: 'number' }, { name: 'gift', type: 'boolean' }])
  expect(await loops.getEventPatternByName('orderShipped')).toEqual(byId)
})

it('writes a transactional email, publishes it and sends it with the data variables of its LMX', async () => {
  const group = await loops.createTransactionalGroup({ name: 'Billing', description: 'Receipts' })
  expect((await loops.listTransactionalGroups()).data.map((g) => g.id)).toContain(group.id)
  expect(await loops.getTransactionalGroup(group.id)).toEqual(group)
  expect(await loops.updateTransactionalGroup(group.id, { description: 'Receipts and invoices' })).toMatchObject({ id: group.id, description: 'Receipts and invoices' })

  const created = await loops.createTransactionalEmail({ name: 'Receipt', transactionalGroupId: group.id })
  expect(created).toMatchObject({ transactionalGroupId: group.id, publishedEmailMessageId: null, dataVariables: [] })
  const draftId = created.draftEmailMessageId ?? ''
  const draft = await loops.getEmailMessage(draftId)
  expect(draft).toMatchObject({ transactionalId: created.id, contentRevisionId: created.draftEmailMessageContentRevisionId })
  const updated = await loops.updateEmailMessage(draftId, {
    expectedRevisionId: draft.contentRevisionId ?? '',
    subject: 'Your receipt',
    fromName: 'Acme',
    fromEmail: 'billing',
    lmx: '<H1>Thanks!</H1><Paragraph>Order {DATA_VARIABLE:orderId}, total {data.total}.</Paragraph><Button href="https://acme.example/orders/{data.orderId}">View order</Button>',
    dataVariablesFallbacks: { total: '0' },
  })
  expect(updated.contentRevisionId).not.toBe(draft.contentRevisionId)
  // a second writer with the old revision is refused, and told the new one
  const stale = await rejection(loops.updateEmailMessage(draftId, { expectedRevisionId: draft.contentRevisionId ?? '', subject: 'x' }))
  expect(stale).toMatchObject({ statusCode: 409, json: { success: false, contentRevisionId: updated.contentRevisionId } })
  expect(await loops.runEmailMessageGuardian(draftId)).toEqual({ errors: [], warnings: [] })
  expect(await loops.sendEmailMessagePreview(draftId, { emails: ['sdk-preview@example.com'], dataVariables: { orderId: 'A-1' } })).toEqual({ id: draftId })

  const published = await loops.publishTransactionalEmail(created.id)
  expect(published).toMatchObject({ draftEmailMessageId: null, publishedEmailMessageId: draftId, dataVariables: ['orderId', 'total'] })
  expect(await loops.getTransactionalEmail(created.id)).toEqual(published)
  expect((await loops.listTransactionalEmails({ perPage: 10 })).data[0]).toMatchObject({ id: created.id })
  expect(await loops.updateTransactionalEmail(created.id, { name: 'Order receipt' })).toMatchObject({ name: 'Order receipt' })
  const missing = await rejection(loops.sendTransactionalEmail({ transactionalId: created.id, email: 'sdk-buyer@example.com' }))
  expect(missing).toMatchObject({ statusCode: 400, json: { message: 'Missing required data variable(s): orderId' } })
  expect(await loops.sendTransactionalEmail({ transactionalId: created.id, email: 'sdk-buyer@example.com', dataVariables: { orderId: 'A-1' } })).toEqual({ success: true })

  const redraft = await loops.ensureTransactionalEmailDraft(created.id)
  expect(redraft.draftEmailMessageId).not.toBe(draftId)
  expect(await loops.ensureTransactionalEmailDraft(created.id)).toEqual(redraft)
})

it('styles emails with themes and components and reports the emails a change affects', async () => {
  const theme = await loops.createTheme({ name: 'Brand', styles: { bodyColor: '#ffffff', textBaseFontSize: 16 } })
  expect(theme.isDefault).toBe(false)
  expect((await loops.listThemes()).data.map((t) => t.id)).toContain(theme.id)
  expect(await loops.getTheme(theme.id)).toEqual(theme)
  const component = await loops.createComponent({ name: 'Footer', lmx: '<Paragraph>Acme Inc.</Paragraph>' })
  expect((await loops.listComponents()).data).toContainEqual(component)
  expect(await loops.getComponent(component.id)).toEqual(component)

  const group = await loops.createCampaignGroup({ name: 'Newsletters' })
  expect((await loops.listCampaignGroups()).data.map((g) => g.id)).toContain(group.id)
  expect(await loops.getCampaignGroup(group.id)).toEqual(group)
  expect(await loops.updateCampaignGroup(group.id, { name: 'Monthly newsletters' })).toMatchObject({ name: 'Monthly newsletters' })

  const segment = await loops.createAudienceSegment({ name: 'Pro users', filter: { match: 'all', conditions: [{ type: 'property', key: 'planTier', operator: 'equals', value: 'pro' }] } })
  expect((await loops.listAudienceSegments()).data).toContainEqual(segment)
  expect(await loops.getAudienceSegment(segment.id)).toEqual(segment)

  const campaign = await loops.createCampaign({ name: 'November news', campaignGroupId: group.id, audienceSegmentId: segment.id })
  expect(campaign).toMatchObject({ status: 'Draft', audienceSegmentId: segment.id, audienceFilter: null, scheduling: { method: 'now', timestamp: null } })
  expect(await loops.getCampaign(campaign.id)).toMatchObject({ id: campaign.id, emailMessageId: campaign.emailMessageId })
  expect((await loops.listCampaigns()).data.map((c) => c.id)).toContain(campaign.id)
  const scheduled = await loops.updateCampaign(campaign.id, { scheduling: { method: 'schedule', timestamp: '2026-12-01T09:00:00.000Z' } })
  expect(scheduled.scheduling).toEqual({ method: 'schedule', timestamp: '2026-12-01T09:00:00.000Z' })
  await loops.updateEmailMessage(campaign.emailMessageId ?? '', {
    expectedRevisionId: campaign.emailMessageContentRevisionId ?? '',
    subject: 'News',
    lmx: `<Style themeId="${theme.id}" /><Paragraph>Hi {contact.firstName}</Paragraph><Component componentId="${component.id}" />`,
  })

  expect(await loops.updateTheme(theme.id, { styles: { bodyColor: '#000000' } })).toMatchObject({ styles: { bodyColor: '#000000', textBaseFontSize: 16 }, affectedEmailCount: 1 })
  expect(await loops.updateComponent(component.id, { lmx: '<Paragraph>Acme Inc., Berlin</Paragraph>' })).toMatchObject({ affectedEmailCount: 1 })
  const invalid = await rejection(loops.updateComponent(component.id, { lmx: '<Paragraph>{data.orderId}</Paragraph>' }))
  expect(invalid).toMatchObject({ statusCode: 422, json: { invalidTags: ['{data.orderId}'] } })
})

it('uploads an image to the presigned URL the mock serves and gets its public URL', async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
  const upload = await loops.createUpload({ contentType: 'image/png', contentLength: png.byteLength })
  const put = await fetch(upload.presignedUrl, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: png })
  expect(put.status).toBe(200)
  const done = await loops.completeUpload(upload.emailAssetId)
  const asset = await fetch(done.finalUrl)
  expect(asset.headers.get('content-type')).toBe('image/png')
  expect(new Uint8Array(await asset.arrayBuffer())).toEqual(png)
})

it('builds a workflow graph with revisions: nodes, branches, reroute, deletes, then deletes the workflow', async () => {
  const [list] = await loops.listMailingLists()
  const workflow = await loops.createWorkflow({ name: 'Onboarding', description: 'New users' })
  expect(Object.values(workflow.nodes).map((n) => n.typeName)).toEqual(['BlankTrigger', 'ExitAction'])
  expect((await loops.listWorkflows()).data.map((w) => w.id)).toContain(workflow.id)
  expect(await loops.getWorkflow(workflow.id)).toEqual(workflow)
  let rev = (await loops.updateWorkflow(workflow.id, { expectedRevisionId: workflow.workflowRevisionId, name: 'Onboarding v2' })).workflowRevisionId
  const listChange = await loops.changeWorkflowMailingList(workflow.id, { expectedRevisionId: rev, mailingListId: list?.id ?? null })
  expect(listChange).toMatchObject({ status: 'updated', mailingListId: list?.id })
  rev = 'workflowRevisionId' in listChange ? listChange.workflowRevisionId : rev

  const root = workflow.rootNodeId
  const trigger = await loops.updateWorkflowNode(workflow.id, root, { expectedRevisionId: rev, payload: { typeName: 'EventTrigger', eventName: 'orderShipped' } })
  expect(trigger).toMatchObject({ typeName: 'EventTrigger', eventName: 'orderShipped', eventProperties: [{ name: 'orderId', type: 'string' }, { name: 'total', type: 'number' }, { name: 'gift', type: 'boolean' }] })
  const timer = await loops.createWorkflowNode(workflow.id, { expectedRevisionId: trigger.workflowRevisionId, insertMode: 'after', nodeTypeName: 'TimerAction', fromNodeId: root })
  const email = await loops.createWorkflowNode(workflow.id, { expectedRevisionId: timer.node.workflowRevisionId, insertMode: 'after', nodeTypeName: 'SendEmailAction', fromNodeId: timer.node.id })
  const branch = await loops.createWorkflowNode(workflow.id, { expectedRevisionId: email.node.workflowRevisionId, insertMode: 'after', nodeTypeName: 'BranchNode', fromNodeId: email.node.id })
  expect(branch.node.createdChildNodes?.map((c) => c.typeName)).toEqual(['AudienceFilter', 'AudienceFilter'])
  const third = await loops.addWorkflowBranch(workflow.id, branch.node.id, { expectedRevisionId: branch.node.workflowRevisionId })
  expect(third.workflow.nodes[branch.node.id]?.nextNodeIds).toHaveLength(3)
  const got = await loops.getWorkflowNode(workflow.id, timer.node.id)
  expect(got).toMatchObject({ typeName: 'TimerAction', amount: 1, unit: 'd', workflowRevisionId: third.workflow.workflowRevisionId })
  const waited = await loops.updateWorkflowNode(workflow.id, timer.node.id, { expectedRevisionId: got.workflowRevisionId, payload: { amount: 2, unit: 'h' } })
  expect(waited).toMatchObject({ amount: 2, unit: 'h' })
  // the third path ends in its own exit; rerouting it to the first path's exit merges the paths (the lone exit goes)
  const [firstPath, , thirdPath] = third.workflow.nodes[branch.node.id]?.nextNodeIds ?? []
  const exitId = third.workflow.nodes[firstPath ?? '']?.nextNodeIds[0] ?? ''
  const filtered = await loops.updateWorkflowNode(workflow.id, thirdPath ?? '', { expectedRevisionId: waited.workflowRevisionId, payload: { appliesDownstream: true } })
  const merged = await loops.rerouteWorkflowNode(workflow.id, thirdPath ?? '', { expectedRevisionId: filtered.workflowRevisionId, newTargetNodeId: exitId })
  expect(merged).toMatchObject({ id: thirdPath, nextNodeIds: [exitId] })
  const mergedInto = await loops.createWorkflowNode(workflow.id, { expectedRevisionId: merged.workflowRevisionId, insertMode: 'before', nodeTypeName: 'TimerAction', toNodeId: exitId })
  expect(mergedInto.workflow.nodes[firstPath ?? '']?.nextNodeIds).toEqual([mergedInto.node.id])
  expect(mergedInto.workflow.nodes[thirdPath ?? '']?.nextNodeIds).toEqual([mergedInto.node.id])
  const stale = await rejection(loops.deleteWorkflowNode(workflow.id, timer.node.id, { expectedRevisionId: rev }))
  expect(stale.statusCode).toBe(409)
  const dry = await loops.deleteWorkflowNode(workflow.id, timer.node.id, { expectedRevisionId: mergedInto.node.workflowRevisionId, dryRun: true })
  expect(dry).toEqual({ status: 'dryRun', nodeIds: [timer.node.id], queuedContactCount: 0 })
  const deleted = await loops.deleteWorkflowNode(workflow.id, timer.node.id, { expectedRevisionId: mergedInto.node.workflowRevisionId })
  expect(deleted).toMatchObject({ status: 'deleted', nodeIds: [timer.node.id] })
  const afterDelete = 'workflowRevisionId' in deleted ? deleted.workflowRevisionId : ''
  const subtree = await loops.deleteWorkflowNodesRecursive(workflow.id, branch.node.id, { expectedRevisionId: afterDelete })
  expect(subtree).toMatchObject({ status: 'deleted' })
  expect(subtree.nodeIds).toContain(branch.node.id)
  const rootDelete = await rejection(loops.deleteWorkflowNode(workflow.id, root, { expectedRevisionId: 'workflowRevisionId' in subtree ? subtree.workflowRevisionId : '' }))
  expect(rootDelete).toMatchObject({ statusCode: 400 })
  expect(rootDelete.json).toMatchObject({ message: expect.stringContaining(root) })
  const latest = await loops.getWorkflow(workflow.id)
  expect(await loops.deleteWorkflow(workflow.id, { expectedRevisionId: latest.workflowRevisionId })).toBeUndefined()
  expect((await rejection(loops.getWorkflow(workflow.id))).statusCode).toBe(404)
})

it('answers every call of this file with a body that validates against Loops’ OpenAPI document', () => {
  const invalid = server.mock
    .requests()
    .filter((r) => r.path.startsWith('/api/'))
    .map((r) => ({ r, errors: openApiErrors(r.method, r.path, r.status, r.responseBody) }))
    .filter(({ errors }) => errors !== undefined && errors.length > 0)
    .map(({ r, errors }) => `${r.method} ${r.path} → ${r.status}: ${errors?.join('; ')}`)
  expect(invalid).toEqual([])
})

it('has called every method of the LoopsClient (a new SDK method needs a case here)', () => {
  expect(sdkMethods().filter((m) => !called.has(m))).toEqual([])
  expect(sdkMethods().length).toBeGreaterThanOrEqual(64)
})
