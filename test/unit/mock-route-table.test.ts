import { describe, expect, it } from 'vitest'
import type { Route } from '../../mock-server/route.ts'
import { createRouteTable } from '../../mock-server/route-table.ts'

const route = (path: string): Route => ({ path, methods: {} })
const campaigns = route('campaigns')
const campaign = route('campaigns/{campaignId}')
const campaignEmail = route('campaigns/{campaignId}/email-message')
const nodes = route('workflows/{workflowId}/nodes/{nodeId}')
const literalBeforeParam = route('workflows/nodes')
const find = createRouteTable([campaigns, campaign, campaignEmail, nodes, literalBeforeParam])

describe('createRouteTable', () => {
  it('finds a static route with no parameters', () => {
    expect(find('/api/v1/campaigns')).toEqual({ route: campaigns, params: {} })
  })

  it('ignores a trailing slash', () => {
    expect(find('/api/v1/campaigns/')?.route).toBe(campaigns)
    expect(find('/api/v1/campaigns/c1/')?.route).toBe(campaign)
  })

  it('captures a path parameter by name', () => {
    expect(find('/api/v1/campaigns/cm123')).toEqual({ route: campaign, params: { campaignId: 'cm123' } })
  })

  it('captures several parameters at different depths', () => {
    expect(find('/api/v1/workflows/w1/nodes/n2')).toEqual({ route: nodes, params: { workflowId: 'w1', nodeId: 'n2' } })
  })

  it('prefers a literal segment over a parameter at the same depth', () => {
    expect(find('/api/v1/workflows/nodes')?.route).toBe(literalBeforeParam)
  })

  it('URI-decodes parameter values', () => {
    expect(find('/api/v1/campaigns/a%20b')?.params).toEqual({ campaignId: 'a b' })
  })

  it('does not match an undecodable parameter, an empty segment, or a path outside /api/v1/', () => {
    expect(find('/api/v1/campaigns/%E0%A4%A')).toBeUndefined()
    expect(find('/api/v1/campaigns//email-message')).toBeUndefined()
    expect(find('/api/v2/campaigns')).toBeUndefined()
    expect(find('/api/v1/campaigns/c1/unknown')).toBeUndefined()
  })

  it('refuses two routes with the same path', () => {
    expect(() => createRouteTable([campaign, route('campaigns/{campaignId}')])).toThrow(/two routes/)
    expect(() => createRouteTable([campaigns, route('campaigns')])).toThrow(/two routes/)
  })
})
