#!/usr/bin/env node
// The `loops-playground` command (package.json "bin"). Installed from the package it runs the compiled JavaScript
// in dist/; in a checkout of the repository (src/cli/main.ts present) it runs the TypeScript sources through tsx
// (a devDependency), so `npx loops-playground` there needs no build step.
import { existsSync } from 'node:fs'

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`loops-playground needs Node.js 22.12 or newer; this is Node ${process.versions.node}. Install a newer Node (https://nodejs.org) and run it again.\n`)
  process.exit(1)
}

const source = new URL('./main.ts', import.meta.url)
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api')
  register()
  const { runProcess } = await import(source.href)
  await runProcess()
} else {
  const { runProcess } = await import('../../dist/src/cli/main.js')
  await runProcess()
}
