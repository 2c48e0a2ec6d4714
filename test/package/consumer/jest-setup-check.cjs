// Runs the Jest global setup and teardown as Jest would (in one process), without Jest: the packaging test's check
// that the code docs/use-in-your-project.md shows for Jest starts, answers and stops.
const setup = require('./jest-global-setup.cjs')
const teardown = require('./jest-global-teardown.cjs')

;(async () => {
  await setup()
  const res = await fetch(`${process.env.LOOPS_MOCK_URL}/api/v1/api-key`, { headers: { Authorization: `Bearer ${process.env.LOOPS_API_KEY}` } })
  const body = await res.json()
  await teardown()
  console.log(JSON.stringify({ status: res.status, body, stopped: globalThis.loopsMockServer.exitCode !== null || globalThis.loopsMockServer.signalCode !== null }))
})().catch((error) => {
  console.error(error)
  process.exit(1)
})
