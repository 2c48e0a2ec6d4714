import { afterAll, beforeAll, describe } from 'vitest'
import { contactCases } from './contact-cases.ts'
import { contentCases } from './content-cases.ts'
import { createContractClient, type ContractClient, type ContractTarget } from './contract-client.ts'
import { eventCases } from './event-cases.ts'
import { protocolCases } from './protocol-cases.ts'
import { transactionalCases } from './transactional-cases.ts'

export type { ContractTarget }

/**
 * Defines the Loops API contract suite against a target: the in-process mock, a standalone mock, the proxy, or
 * real Loops. `setup` runs in beforeAll and returns where to send requests; `teardown` runs in afterAll. Cases that
 * need the mock's /_mock control API skip themselves when `target.control` is false.
 */
export function defineLoopsContract(setup: () => Promise<ContractTarget>, teardown?: () => Promise<void>): void {
  let client: ContractClient | undefined
  const get = (): ContractClient => {
    if (!client) throw new Error('the contract target is not set up')
    return client
  }
  describe('Loops API contract', () => {
    beforeAll(async () => {
      client = createContractClient(await setup())
      if (client.target.control) await client.control('POST', 'reset')
    })
    if (teardown) afterAll(teardown)
    contactCases(get)
    eventCases(get)
    transactionalCases(get)
    protocolCases(get)
    contentCases(get)
  })
}
