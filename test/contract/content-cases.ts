import { expect, it } from 'vitest'
import type { CallResult, ContractClient } from './contract-client.ts'
import { documentedOperations } from './openapi.ts'

type Get = () => ContractClient
type Ctx = { skip: (note?: string) => never }
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const LIST_ID = 'cm3n274xf027h0mi33t4qhrdg'
const body = (res: CallResult): Json => res.json as Json

/**
 * The content API (campaigns, groups, transactional emails, email messages and LMX, themes, components, segments,
 * uploads, event patterns, workflows): happy paths, 400/404/409/413/422, pagination and revisions. Against real
 * Loops the cases run only when the team has the content API (else 401) and LOOPS_CONTENT_WRITES=1 allows them to
 * create content; the mock runs them all. The last case checks that the suite called every documented operation.
 */
export function contentCases(get: Get): void {
  const writer = async (ctx: Ctx): Promise<ContractClient> => {
    const client = get()
    if (!client.target.control) {
      if (process.env.LOOPS_CONTENT_WRITES !== '1') ctx.skip('creates content: set LOOPS_CONTENT_WRITES=1 to run it against a real account')
      if ((await client.call('GET', 'campaigns')).status === 401) ctx.skip('the content API is not enabled for this team')
    }
    return client
  }
  const mockOnly = (ctx: Ctx): ContractClient => {
    const client = get()
    if (!client.target.control) ctx.skip('uses the mock control API')
    return client
  }

  it('creates, reads, pages through and updates campaign and transactional groups; Unsorted is reserved', async (ctx: Ctx) => {
    const { call } = await writer(ctx)
    for (const kind of ['campaign-groups', 'transactional-groups']) {
      const ids: string[] = []
      for (let i = 0; i < 11; i++) ids.push(body(await call('POST', kind, { body: { name: `Group ${i}`, description: `d${i}` } })).id)
      const first = await call('GET', `${kind}?perPage=10`)
      expect(first.status).toBe(200)
      expect(body(first).data).toHaveLength(10)
      expect(body(first).data[0].id).toBe(ids.at(-1)) // newest first
      const next = body(first).pagination.nextCursor as string
      const second = body(await call('GET', `${kind}?perPage=10&cursor=${next}`))
      expect(second.data.map((g: Json) => g.id)).toContain(ids[0])
      expect((await call('GET', `${kind}?perPage=5`)).status).toBe(400)
      expect((await call('GET', `${kind}?perPage=51`)).status).toBe(400)
      expect((await call('GET', `${kind}?cursor=nope`)).status).toBe(400)
      const id = ids[0] as string
      expect(body(await call('GET', `${kind}/${id}`))).toMatchObject({ id, name: 'Group 0', description: 'd0' })
      expect(body(await call('POST', `${kind}/${id}`, { body: { name: 'Renamed' } }))).toMatchObject({ id, name: 'Renamed' })
      expect((await call('POST', `${kind}/${id}`, { body: {} })).status).toBe(400)
      expect((await call('POST', kind, { body: { name: 'Unsorted' } })).status).toBe(400)
      expect((await call('POST', kind, { body: { name: 'x', extra: 1 } })).status).toBe(400)
      const unsorted = (body(await call('GET', `${kind}?perPage=50`)).data as Json[]).find((g) => g.name === 'Unsorted')
      if (unsorted) expect((await call('POST', `${kind}/${unsorted.id}`, { body: { description: 'x' } })).status).toBe(400)
      expect((await call('GET', `${kind}/cm0000000000000000000none`)).status).toBe(404)
    }
  })

  it('makes a transactional email sendable only by publishing its draft, with the data variables of its LMX', async (ctx: Ctx) => {
    const client = await writer(ctx)
    const { call } = client
    const created = await call('POST', 'transactional-emails', { body: { name: 'Contract receipt' } })
    expect(created.status).toBe(201)
    const tx = body(created)
    expect(tx).toMatchObject({ publishedEmailMessageId: null, dataVariables: [] })
    const send = () => call('POST', 'transactional', { body: { transactionalId: tx.id, email: client.email('tx-content'), dataVariables: { code: 'X1' } } })
    expect((await send()).status).toBe(400) // not published yet
    expect((await call('POST', `transactional-emails/${tx.id}/publish`)).status).toBe(422) // empty draft
    const messageId = tx.draftEmailMessageId as string
    const rev = tx.draftEmailMessageContentRevisionId as string
    const update = (revision: string, fields: Json) => call('POST', `email-messages/${messageId}`, { body: { expectedRevisionId: revision, ...fields } })
    expect((await update(rev, { fromEmail: 'hello@example.com' })).status).toBe(400)
    const bad = await update(rev, { lmx: '<Paragraph>Hi</Paragraph>\n<Image alt="logo" />' })
    expect(bad.status).toBe(422)
    if (client.target.control) expect(body(bad).message).toMatch(/<Image>.*"src".*line 2/)
    expect((await update(rev, { lmx: `<Paragraph>${'x'.repeat(103 * 1024)}</Paragraph>` })).status).toBe(413)
    const ok = await update(rev, { subject: 'Your code', fromEmail: 'hello', lmx: '<Paragraph>Code: {DATA_VARIABLE:code}, plan {data.plan}</Paragraph>', dataVariablesFallbacks: { plan: 'free' } })
    expect(ok.status).toBe(200)
    expect(body(ok).contentRevisionId).not.toBe(rev)
    const stale = await update(rev, { subject: 'lost update' })
    expect(stale.status).toBe(409)
    if (client.target.control) expect(body(stale)).toMatchObject({ success: false, contentRevisionId: body(ok).contentRevisionId })
    const published = await call('POST', `transactional-emails/${tx.id}/publish`)
    expect(published.status).toBe(200)
    expect(body(published)).toMatchObject({ draftEmailMessageId: null, publishedEmailMessageId: messageId, dataVariables: ['code', 'plan'] })
    expect((await call('POST', `transactional-emails/${tx.id}/publish`)).status).toBe(409) // no draft left
    expect((await update(body(ok).contentRevisionId, { subject: 'edit the published one' })).status).toBe(409)
    expect((await send()).status).toBe(200)
    const missing = await call('POST', 'transactional', { body: { transactionalId: tx.id, email: client.email('tx-content-missing'), dataVariables: { plan: 'pro' } } })
    expect(body(missing)).toMatchObject({ success: false, message: 'Missing required data variable(s): code' })
    expect((body(await call('GET', 'transactional?perPage=50')).data as Json[]).find((t) => t.id === tx.id)).toMatchObject({ dataVariables: ['code', 'plan'] })
    const draft = body(await call('POST', `transactional-emails/${tx.id}/draft`))
    expect(draft.draftEmailMessageId).not.toBeNull()
    expect(body(await call('POST', `transactional-emails/${tx.id}/draft`))).toEqual(draft)
    expect(body(await call('GET', `email-messages/${draft.draftEmailMessageId}`))).toMatchObject({ subject: 'Your code', transactionalId: tx.id })
    expect(body(await call('POST', `transactional-emails/${tx.id}`, { body: { name: 'Contract receipt v2' } }))).toMatchObject({ name: 'Contract receipt v2' })
    expect(body(await call('GET', `transactional-emails/${tx.id}`))).toMatchObject({ name: 'Contract receipt v2' })
    expect((await call('GET', 'transactional-emails/cm0000000000000000000none')).status).toBe(404)
    expect((await call('POST', 'transactional-emails', { body: { name: 'x', transactionalGroupId: 'cm0000000000000000000none' } })).status).toBe(400)
  })

  it('creates draft campaigns with an audience by list, segment or filter, and refuses a bad audience', async (ctx: Ctx) => {
    const client = await writer(ctx)
    const { call } = client
    const filter = { match: 'any', conditions: [{ type: 'property', key: 'firstName', operator: 'contains', value: 'a' }, { type: 'optIn', status: 'accepted' }] }
    const segment = await call('POST', 'audience-segments', { body: { name: `Contract segment ${client.email('s')}`, filter } })
    expect(segment.status).toBe(200)
    expect(body(await call('GET', `audience-segments/${body(segment).id}`))).toEqual(body(segment))
    expect(body(await call('GET', 'audience-segments')).data.length).toBeGreaterThan(0)
    expect((await call('POST', 'audience-segments', { body: { name: body(segment).name, filter } })).status).toBe(400)
    for (const bad of [
      { match: 'some', conditions: filter.conditions },
      { match: 'all', conditions: [] },
      { match: 'all', conditions: [{ type: 'property', key: 'firstName', operator: 'greaterThan', value: 3 }] },
      { match: 'all', conditions: [{ type: 'property', key: 'noSuchProperty', operator: 'empty' }] },
      { match: 'all', conditions: [{ type: 'optIn', status: 'maybe' }] },
    ]) expect((await call('POST', 'audience-segments', { body: { name: `bad ${JSON.stringify(bad)}`, filter: bad } })).status, JSON.stringify(bad)).toBe(400)
    const activity = { match: 'all', conditions: [{ type: 'activity', action: 'opened', negate: false, target: 'campaign', id: 'cm0000000000000000000none' }] }
    expect((await call('POST', 'audience-segments', { body: { name: 'activity', filter: activity } })).status).toBe(404)
    expect((await call('GET', 'audience-segments/cm0000000000000000000none')).status).toBe(404)

    const created = await call('POST', 'campaigns', { body: { name: 'Contract campaign', mailingListId: LIST_ID, audienceFilter: filter } })
    expect(created.status).toBe(201)
    const campaign = body(created)
    expect(campaign).toMatchObject({ status: 'Draft', mailingListId: LIST_ID, audienceFilter: filter, audienceSegmentId: null, scheduling: { method: 'now', timestamp: null } })
    expect(typeof campaign.emailMessageContentRevisionId).toBe('string')
    // the segment replaces the filter, and the other way round
    expect(body(await call('POST', `campaigns/${campaign.id}`, { body: { audienceSegmentId: body(segment).id } }))).toMatchObject({ audienceSegmentId: body(segment).id, audienceFilter: null })
    expect((await call('POST', `campaigns/${campaign.id}`, { body: { scheduling: { method: 'schedule', timestamp: '2001-01-01T00:00:00Z' } } })).status).toBe(400)
    expect((await call('POST', `campaigns/${campaign.id}`, { body: { scheduling: { method: 'now', timestamp: '2031-01-01T00:00:00Z' } } })).status).toBe(400)
    expect((await call('POST', 'campaigns', { body: { name: 'x', mailingListId: 'cm0000000000000000000none' } })).status).toBe(404)
    expect((await call('POST', 'campaigns', { body: { name: 'x', campaignGroupId: 'cm0000000000000000000none' } })).status).toBe(400)
    expect((await call('POST', 'campaigns', { body: {} })).status).toBe(400)
    expect((await call('GET', 'campaigns/cm0000000000000000000none')).status).toBe(404)
    expect(body(await call('GET', 'campaigns')).data.map((c: Json) => c.id)).toContain(campaign.id)
    expect(body(await call('GET', `campaigns/${campaign.id}`))).toMatchObject({ id: campaign.id, status: 'Draft' })

    const message = `email-messages/${campaign.emailMessageId}`
    const guarded = await call('POST', message, { body: { expectedRevisionId: campaign.emailMessageContentRevisionId, subject: 'Hi', lmx: '<Paragraph>{data.orderId} {contact.firstName}</Paragraph><Button>Go</Button><Paragraph><Link href="support@example.com">mail</Link></Paragraph>' } })
    expect(guarded.status).toBe(200)
    const guardian = body(await call('GET', `${message}/guardian`))
    expect(guardian.errors.map((e: Json) => e.rule).toSorted()).toEqual(['emailWithoutMailtoLinkHrefs', 'missingButtonHrefs', 'unsupportedDataVariables'])
    expect(guardian.warnings.map((e: Json) => e.rule)).toEqual(['missingFallbackContactProperties'])
    expect((await call('POST', `${message}/preview`, { body: { emails: [client.email('preview')], dataVariables: { a: 'b' } } })).status).toBe(400)
    expect(body(await call('POST', `${message}/preview`, { body: { emails: [client.email('preview')], contactProperties: { firstName: 'Ada' } } }))).toEqual({ id: campaign.emailMessageId })
    expect((await call('GET', 'email-messages/cm0000000000000000000none')).status).toBe(404)
  })

  it('has Guardian block publishing a transactional draft whose data variable names are invalid or whose array block has no namespace', async (ctx: Ctx) => {
    const { call } = mockOnly(ctx) // <For> is not in the public LMX specification, so real Loops may refuse it
    const tx = body(await call('POST', 'transactional-emails', { body: { name: 'Guarded receipt' } }))
    const message = `email-messages/${tx.draftEmailMessageId}`
    const lmx = '<Paragraph>Total {data.total$}</Paragraph><For variable="{items}"><Paragraph>Item</Paragraph></For>'
    expect((await call('POST', message, { body: { subject: 'Receipt', fromEmail: 'hello', lmx } })).status).toBe(200)
    const guardian = body(await call('GET', `${message}/guardian`))
    expect(guardian.errors.map((e: Json) => [e.rule, e.items])).toEqual([
      ['invalidCustomDataVariables', [{ label: '{data.total$}', codeName: 'total$' }]],
      ['bareArrayNodes', [{ label: '{items}', codeName: 'items' }]],
    ])
    expect(body(await call('POST', `transactional-emails/${tx.id}/publish`)).message).toMatch(/invalidCustomDataVariables.*bareArrayNodes/)
    const fixed = '<Paragraph>Total {data.total}</Paragraph><For variable="{data.items}"><Paragraph>{data.items[].name}</Paragraph></For>'
    expect((await call('POST', message, { body: { lmx: fixed } })).status).toBe(200)
    expect(body(await call('GET', `${message}/guardian`))).toEqual({ errors: [], warnings: [] })
    expect(body(await call('POST', `transactional-emails/${tx.id}/publish`))).toMatchObject({ publishedEmailMessageId: tx.draftEmailMessageId, dataVariables: ['total', 'items'] })
  })

  it('answers 409 when a sent campaign is changed beyond its name and group', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const { call } = client
    const campaign = body(await call('POST', 'campaigns', { body: { name: 'Sent campaign' } }))
    await client.control('POST', `content/campaigns/${campaign.id}/status`, { status: 'Sent' })
    expect((await call('POST', `campaigns/${campaign.id}`, { body: { mailingListId: LIST_ID } })).status).toBe(409)
    expect(body(await call('POST', `campaigns/${campaign.id}`, { body: { name: 'Renamed after sending' } }))).toMatchObject({ status: 'Sent', name: 'Renamed after sending' })
    expect((await call('POST', `email-messages/${campaign.emailMessageId}`, { body: { subject: 'too late' } })).status).toBe(409)
  })

  it('keeps themes and components, and counts the emails a change reaches', async (ctx: Ctx) => {
    const { call } = await writer(ctx)
    const theme = await call('POST', 'themes', { body: { name: 'Contract theme', styles: { bodyColor: '#ffffff', textBaseFontSize: 15 } } })
    expect(theme.status).toBe(201)
    expect((await call('POST', 'themes', { body: { name: 'x', styles: { bodyColor: 3 } } })).status).toBe(400)
    expect((await call('POST', 'themes', { body: { name: 'x', styles: { sparkle: '#fff' } } })).status).toBe(400)
    const component = await call('POST', 'components', { body: { name: 'Contract footer', lmx: '<Paragraph>Footer</Paragraph>' } })
    expect(component.status).toBe(201)
    expect((await call('POST', 'components', { body: { name: 'x', lmx: '<Style /><Paragraph>x</Paragraph>' } })).status).toBe(422)
    expect((await call('POST', 'components', { body: { name: 'x', lmx: '<Paragraph>unclosed' } })).status).toBe(422)
    const campaign = body(await call('POST', 'campaigns', { body: { name: 'Styled' } }))
    const lmx = `<Style themeId="${body(theme).id}" /><Component componentId="${body(component).id}" />`
    expect((await call('POST', `email-messages/${campaign.emailMessageId}`, { body: { lmx } })).status).toBe(200)
    expect((await call('POST', `email-messages/${campaign.emailMessageId}`, { body: { lmx: '<Component componentId="cm0000000000000000000none" />' } })).status).toBe(422)
    expect(body(await call('POST', `themes/${body(theme).id}`, { body: { name: 'Renamed theme' } }))).toMatchObject({ affectedEmailCount: 0 })
    expect(body(await call('POST', `themes/${body(theme).id}`, { body: { styles: { bodyColor: '#000000' } } }))).toMatchObject({ affectedEmailCount: 1, styles: { bodyColor: '#000000', textBaseFontSize: 15 } })
    expect(body(await call('POST', `components/${body(component).id}`, { body: { lmx: '<Paragraph>Footer 2</Paragraph>' } }))).toMatchObject({ affectedEmailCount: 1 })
    expect(body(await call('GET', `themes/${body(theme).id}`))).toMatchObject({ name: 'Renamed theme', isDefault: false })
    expect(body(await call('GET', 'themes')).data.filter((t: Json) => t.isDefault)).toHaveLength(1)
    expect(body(await call('GET', `components/${body(component).id}`))).toMatchObject({ lmx: '<Paragraph>Footer 2</Paragraph>' })
    expect(body(await call('GET', 'components')).data.length).toBeGreaterThan(0)
    expect((await call('GET', 'themes/cm0000000000000000000none')).status).toBe(404)
    expect((await call('GET', 'components/cm0000000000000000000none')).status).toBe(404)
  })

  it('hands out a presigned upload URL that takes exactly the declared bytes, then a final URL', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const { call } = client
    const unsupported = await call('POST', 'uploads', { body: { contentType: 'image/svg+xml', contentLength: 10 } })
    expect(unsupported.status).toBe(400)
    expect(body(unsupported).supportedContentTypes).toContain('image/png')
    const big = await call('POST', 'uploads', { body: { contentType: 'image/png', contentLength: 4_000_001 } })
    expect(big.status).toBe(413)
    expect(body(big)).toMatchObject({ maxBytes: 4_000_000 })
    const upload = body(await call('POST', 'uploads', { body: { contentType: 'image/gif', contentLength: 6 } }))
    expect((await call('POST', `uploads/${upload.emailAssetId}/complete`)).status).toBe(400)
    const presigned = String(upload.presignedUrl).replace(/^https?:\/\/[^/]+/, client.target.controlUrl ?? client.target.baseUrl)
    expect((await fetch(presigned, { method: 'PUT', headers: { 'Content-Type': 'image/gif' }, body: 'GIF8' })).status).toBe(400)
    expect((await fetch(presigned, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: 'GIF89a' })).status).toBe(403)
    expect((await fetch(presigned, { method: 'PUT', headers: { 'Content-Type': 'image/gif' }, body: 'GIF89a' })).status).toBe(200)
    const done = body(await call('POST', `uploads/${upload.emailAssetId}/complete`))
    const asset = await fetch(String(done.finalUrl).replace(/^https?:\/\/[^/]+/, client.target.controlUrl ?? client.target.baseUrl))
    expect(await asset.text()).toBe('GIF89a')
    expect((await call('POST', 'uploads/cm0000000000000000000none/complete')).status).toBe(404)
  })

  it('lists the event patterns of sent events with their property types, by id and by name', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const { call } = client
    await call('POST', 'events/send', { body: { email: client.email('pattern'), eventName: 'contractPattern', eventProperties: { plan: 'pro', seats: 3, trial: true, renewsAt: '2026-12-01T00:00:00Z' } } })
    const list = body(await call('GET', 'event-patterns?perPage=50'))
    const summary = (list.data as Json[]).find((p) => p.eventName === 'contractPattern')
    expect(summary).toMatchObject({ incomingWebhookPlatform: null })
    const pattern = body(await call('GET', `event-patterns/${summary?.id}`))
    expect(pattern.eventProperties).toEqual([{ name: 'plan', type: 'string' }, { name: 'seats', type: 'number' }, { name: 'trial', type: 'boolean' }, { name: 'renewsAt', type: 'date' }])
    expect(body(await call('GET', 'event-patterns/by-name/contractPattern'))).toEqual(pattern)
    expect((await call('GET', 'event-patterns/by-name/ContractPattern')).status).toBe(404) // names are case-sensitive
    expect((await call('GET', 'event-patterns/cm0000000000000000000none')).status).toBe(404)
  })

  it('changes a workflow graph with revisions, refuses stale revisions and changes that would break the graph', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const { call } = client
    const created = body(await call('POST', 'workflows', { body: { name: 'Contract workflow' } }))
    const wf = `workflows/${created.id}`
    let rev = created.workflowRevisionId as string
    const root = created.rootNodeId as string
    const exit = created.nodes[root].nextNodeIds[0] as string
    expect(body(await call('GET', 'workflows')).data.map((w: Json) => w.id)).toContain(created.id)
    expect(body(await call('GET', wf))).toEqual(created)
    const step = async (method: string, path: string, payload: Json, status = 200): Promise<Json> => {
      const res = await call(method, path, { body: { expectedRevisionId: rev, ...payload } })
      expect(res.status, `${method} ${path} ${res.text}`).toBe(status)
      const json = body(res)
      rev = json.workflowRevisionId ?? json.node?.workflowRevisionId ?? json.workflow?.workflowRevisionId ?? rev
      return json
    }
    await step('POST', wf, { description: 'contract' })
    expect((await call('POST', wf, { body: { expectedRevisionId: created.workflowRevisionId, name: 'stale' } })).status).toBe(409)
    expect((await call('POST', wf, { body: { name: 'no revision' } })).status).toBe(400)
    const timer = (await step('POST', `${wf}/nodes`, { insertMode: 'after', nodeTypeName: 'TimerAction', fromNodeId: root })).node
    await step('POST', `${wf}/nodes`, { insertMode: 'after', nodeTypeName: 'TimerAction', fromNodeId: exit }, 400)
    await step('POST', `${wf}/nodes`, { insertMode: 'between', nodeTypeName: 'AudienceFilter', fromNodeId: root, toNodeId: exit }, 400)
    await step('POST', `${wf}/nodes`, { insertMode: 'before', nodeTypeName: 'AudienceFilter', toNodeId: root }, 400)
    await step('POST', `${wf}/nodes`, { insertMode: 'before', nodeTypeName: 'ExitAction', toNodeId: exit }, 400)
    const email = (await step('POST', `${wf}/nodes`, { insertMode: 'before', nodeTypeName: 'SendEmailAction', toNodeId: exit })).node
    expect(typeof email.emailMessageId).toBe('string')
    const experiment = await step('POST', `${wf}/nodes`, { insertMode: 'between', nodeTypeName: 'ExperimentBranchNode', fromNodeId: timer.id, toNodeId: email.id })
    expect(experiment.node.createdChildNodes.map((c: Json) => c.isControl)).toEqual([false, false, true])
    await step('POST', `${wf}/nodes/${timer.id}/add-branch`, {}, 400)
    const variant = (await step('POST', `${wf}/nodes/${experiment.node.id}/add-branch`, {})).node
    expect(variant).toMatchObject({ typeName: 'VariantNode', isControl: false })
    await step('POST', `${wf}/nodes/${variant.id}`, { payload: { isControl: true } })
    const nodes = body(await call('GET', wf)).nodes as Record<string, Json>
    expect(Object.values(nodes).filter((n) => n.typeName === 'VariantNode' && n.isControl)).toHaveLength(1)
    // reroute a variant's path back to the timer upstream: a cycle
    await step('POST', `${wf}/nodes/${email.id}/reroute`, { newTargetNodeId: timer.id }, 400)
    await step('POST', `${wf}/nodes/${email.id}/reroute`, { newTargetNodeId: 'cm0000000000000000000none' }, 400)
    await step('POST', `${wf}/nodes/${timer.id}`, { payload: { amount: 3, unit: 'h' } })
    await step('POST', `${wf}/nodes/${timer.id}`, { payload: { unit: 'w' } }, 400)
    await step('POST', `${wf}/nodes/${email.id}`, { payload: { amount: 1 } }, 501)
    await step('POST', `${wf}/nodes/${root}`, { payload: { typeName: 'ContactPropertyTrigger', contactPropertyQuery: { key: 'planName', is: { operator: 'equal', value: 'pro' }, was: { operator: 'any', value: '' } } } })
    await step('POST', `${wf}/nodes/${root}`, { payload: { contactPropertyQuery: { key: 'planName', is: { operator: 'greater_than', value: 1 }, was: { operator: 'any', value: '' } } } }, 400)
    expect(body(await call('GET', `${wf}/nodes/${timer.id}`))).toMatchObject({ id: timer.id, workflowId: created.id, amount: 3, unit: 'h', workflowRevisionId: rev })
    expect((await call('GET', `${wf}/nodes/cm0000000000000000000none`)).status).toBe(404)
    await step('DELETE', `${wf}/nodes/${root}`, {}, 400)
    await step('DELETE', `${wf}/nodes/${experiment.node.id}`, {}, 400) // several paths: recursive only
    await client.control('POST', `content/workflows/${created.id}/queued`, { nodeId: timer.id, count: 2 })
    expect(await step('DELETE', `${wf}/nodes/${timer.id}`, { dryRun: true })).toEqual({ status: 'dryRun', nodeIds: [timer.id], queuedContactCount: 2 })
    expect(await step('DELETE', `${wf}/nodes/${timer.id}`, {})).toEqual({ status: 'queuedContactsFound', nodeIds: [timer.id], queuedContactCount: 2 })
    expect(await step('DELETE', `${wf}/nodes/${timer.id}`, { queuedContactPolicy: 'discard' })).toMatchObject({ status: 'deleted', queuedContactCount: 2 })
    const recursive = await step('DELETE', `${wf}/nodes/${experiment.node.id}/recursive`, {})
    expect(recursive.nodeIds).toContain(email.id)
    expect(Object.keys(recursive.workflow.nodes)).toEqual([root])
    await step('POST', `${wf}/mailing-list`, { mailingListId: 'cm0000000000000000000none' }, 400)
    expect(await step('POST', `${wf}/mailing-list`, { mailingListId: LIST_ID, dryRun: true })).toEqual({ status: 'dryRun', mailingListId: LIST_ID, queuedContactCount: 0 })
    await client.control('POST', `content/workflows/${created.id}/queued`, { nodeId: root, count: 4 })
    expect(await step('POST', `${wf}/mailing-list`, { mailingListId: LIST_ID })).toEqual({ status: 'queuedContactsFound', mailingListId: LIST_ID, queuedContactCount: 4 })
    expect(await step('POST', `${wf}/mailing-list`, { mailingListId: LIST_ID, queuedContactPolicy: 'discard' })).toMatchObject({ status: 'updated', queuedContactCount: 4, workflow: { mailingListId: LIST_ID } })
    await client.control('POST', `content/workflows/${created.id}/queued`, { nodeId: root, count: 1 })
    expect((await call('DELETE', wf, { body: { expectedRevisionId: rev } })).status).toBe(409)
    const deleted = await call('DELETE', wf, { body: { expectedRevisionId: rev, confirmDelete: true } })
    expect(deleted.status).toBe(204)
    expect((await call('GET', wf)).status).toBe(404)
  })

  it('answers 405 for a method a content endpoint does not take, and 400 for unknown fields', async (ctx: Ctx) => {
    const { call } = await writer(ctx)
    expect((await call('DELETE', 'campaigns')).status).toBe(405)
    expect((await call('POST', 'themes', { body: { name: 'x', color: 'red' } })).status).toBe(400)
  })

  it('has called every operation of the OpenAPI document', (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const missing = documentedOperations().filter((op) => !client.calls.has(op))
    expect(missing).toEqual([])
  })
}
