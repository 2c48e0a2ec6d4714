import { setupServerMock } from '../../mock-server/hosts/setup-server.ts'
import { defineLoopsContract } from './loops-contract.ts'
import { frozenClock } from './frozen-clock.ts'

// LOOPS_BASE_URL (an origin, e.g. http://127.0.0.1:4010 or https://app.loops.so) and LOOPS_API_KEY point the suite
// at a running server; without them it runs against the mock in this process (msw setupServer).
const baseUrl = process.env.LOOPS_BASE_URL?.replace(/\/+$/, '').replace(/\/api$/, '')
const MOCK_ORIGIN = 'http://loops.mock.test'
const KEY = 'contract-suite-key'
const inProcess = baseUrl === undefined ? setupServerMock({ keys: { [KEY]: 'Contract Team' }, origin: MOCK_ORIGIN, clock: frozenClock() }) : undefined

async function hasControl(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/_mock/clock`)).ok
  } catch {
    return false
  }
}

defineLoopsContract(
  async () => {
    if (inProcess) {
      inProcess.server.listen({ onUnhandledFrame: 'error' })
      await inProcess.mock.ready
      return { name: 'in-process mock', baseUrl: MOCK_ORIGIN, apiKey: KEY, control: true, checksClientKey: true }
    }
    const apiKey = process.env.LOOPS_API_KEY
    if (!baseUrl || !apiKey) throw new Error('set LOOPS_API_KEY along with LOOPS_BASE_URL')
    return { name: baseUrl, baseUrl, apiKey, control: await hasControl(baseUrl), checksClientKey: process.env.LOOPS_CHECKS_CLIENT_KEY !== '0' }
  },
  async () => inProcess?.server.close(),
)
