// Jest globalTeardown: stops the mock server globalSetup started.
const { once } = require('node:events')

module.exports = async function globalTeardown() {
  const child = globalThis.loopsMockServer
  if (!child || child.exitCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}
