// The user's tests against a mock server started outside the test run (ci-mock.sh).
import { LoopsClient } from 'loops'
import { mockControl } from 'loops-playground/mock'
import { beforeEach, expect, it } from 'vitest'

const url = process.env.LOOPS_MOCK_URL ?? ''
const control = mockControl(url)
const loops = new LoopsClient(process.env.LOOPS_API_KEY ?? '')
loops.apiRoot = `${url}/api/`
beforeEach(() => control.reset())

it('sends an event to the mock server and finds it there', async () => {
  expect(await loops.sendEvent({ email: 'ci@example.com', eventName: 'deployed' })).toEqual({ success: true })
  expect((await control.events('Acme')).map((e) => e.eventName)).toEqual(['deployed'])
})
