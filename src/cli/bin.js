#!/usr/bin/env node
// Entry point for `loops-playground` (package.json "bin"). tsx runs the TypeScript sources directly, on any Node
// version npm installs us on, including from node_modules where Node's own type stripping is refused.
import { register } from 'tsx/esm/api'

register()
const { runProcess } = await import('./main.ts')
await runProcess()
