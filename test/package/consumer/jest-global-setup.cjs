// Jest globalSetup (CommonJS, so it runs in Jest's default mode): starts the mock server for the whole run and
// puts its URL in the environment the test files inherit. globalTeardown stops it.
const { spawn } = require('node:child_process')
const { once } = require('node:events')
const { dirname, join } = require('node:path')
const { createInterface } = require('node:readline')

// the installed command itself (not through npx), so that stopping it stops the server
const manifest = require.resolve('loops-playground/package.json')
const bin = join(dirname(manifest), require(manifest).bin['loops-playground'])

module.exports = async function globalSetup() {
  const child = spawn(process.execPath, [bin, 'mock-server', '--json', '--port', '0', '--keys', 'jest-key=Acme'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the mock server exited (${code}) before it was ready`)
    }),
  ])
  const ready = JSON.parse(line)
  process.env.LOOPS_MOCK_URL = ready.url
  process.env.LOOPS_API_KEY = ready.keys[0].key
  globalThis.loopsMockServer = child
}
