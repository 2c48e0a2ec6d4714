import { beforeAll, expect, it } from 'vitest'
import { runCli } from '../fixtures/cli-io.ts'

const COMMANDS = ['map', 'send', 'mock-server', 'proxy', 'clay']

// loading the commands' modules is the slow part (on a busy machine); do it once, outside the tests' timeouts
beforeAll(async () => {
  for (const command of COMMANDS) await runCli([command, '-h'])
}, 120_000)

it.each(COMMANDS)('answers -h and --help on %s with its usage and exit 0', async (command) => {
  for (const flag of ['-h', '--help']) {
    const out = await runCli([command, flag])
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(new RegExp(`^Usage: loops-playground ${command}`))
    expect(out.stdout).toMatch(/-h, --help +this text/)
    expect(out.stderr).toBe('')
  }
})

it('prints the list of commands for loops-playground -h and refuses an unknown command with exit 2', async () => {
  const help = await runCli(['-h'])
  expect(help.code).toBe(0)
  for (const command of COMMANDS) expect(help.stdout).toContain(`loops-playground ${command}`)
  const unknown = await runCli(['frobnicate'])
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toMatch(/unknown command "frobnicate"/)
  expect((await runCli(['toString'])).code).toBe(2)
})
