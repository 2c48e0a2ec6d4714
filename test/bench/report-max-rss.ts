// Preloaded into a benchmarked child (`node --import ./report-max-rss.ts …`): prints its peak RSS on exit.
import { writeSync } from 'node:fs'

process.on('exit', () => {
  writeSync(2, `\nbench-max-rss-kb ${process.resourceUsage().maxRSS}\n`)
})
