// The playground on its production build (vite build + vite preview), driven by Debian Chromium:
// - keystroke → preview: a key typed in the script editor until the Loops request editor has the new text and the
//   next frame is painted (p50/p95 over 60 keys; the worked example, then the 42-call burst), against the pure
//   core's share (readScript + mapCalls, same text);
// - navigation → editable script editor (a fresh browser context each time, so nothing is cached), 5 loads;
// - JavaScript transferred before Monaco is needed: every script fetched before the first Monaco chunk, gzipped.
// Targets: p95 ≤ 50 ms, ≤ 1.5 s, ≤ 150 kB gzipped.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from '@playwright/test'
import { build, preview } from 'vite'
import { defaultPreset, mapCalls, readScript } from '../../src/core/index.ts'
import { burst } from '../../src/playground/examples/burst.ts'
import { workedExample } from '../../src/playground/examples/worked-example.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const KEYS = 60
const LOADS = 5
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']
const NOTE = "datafly.track('Note Added', { text: '' })\n"
const SCRIPT = `${workedExample.script}${NOTE}`
const BIG_SCRIPT = `${burst.script}${NOTE}`

const percentile = (values: number[], p: number): number => {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
const ms = (n: number): string => `${n.toFixed(1)} ms`

async function keystrokes(browser: Browser, url: string, script: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(url)
  await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 })
  await page.evaluate((text) => window['__playground']!.setScript(text), script)
  await page.waitForFunction(async () => (await window['__playground']!.getRequestText()).includes('note_added'))
  await page.evaluate(async () => {
    const state = { start: 0, samples: [] as number[] }
    Object.defineProperty(window, 'benchLatency', { value: state })
    document.addEventListener('keydown', () => (state.start = performance.now()), { capture: true })
    await window['__playground']!.onRequestChange(() => {
      const start = state.start
      if (start === 0) return
      state.start = 0
      requestAnimationFrame(() => state.samples.push(performance.now() - start))
    })
  })
  const editor = page.locator('section[aria-label="Datafly.js script"] .view-lines')
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('End')
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft')
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)))
    await page.waitForTimeout(40)
  }
  await page.waitForTimeout(300)
  const samples = await page.evaluate(() => (window as unknown as { benchLatency: { samples: number[] } }).benchLatency.samples)
  await page.close()
  return samples
}

async function loads(browser: Browser, url: string): Promise<{ editable: number[]; fcp: number[]; before: { url: string; gz: number; raw: number }[]; all: number }> {
  const editable: number[] = []
  const fcp: number[] = []
  let before: { url: string; gz: number; raw: number }[] = []
  let all = 0
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const scripts: { url: string; started: number; body: Promise<Buffer | null> }[] = []
    let monacoAt = Number.POSITIVE_INFINITY
    let order = 0
    page.on('request', (request) => {
      const n = order++
      if (/monaco-setup|editor\.api/.test(request.url())) monacoAt = Math.min(monacoAt, n)
      if (request.resourceType() === 'script') scripts.push({ url: request.url(), started: n, body: request.response().then((r) => r?.body() ?? null, () => null) })
    })
    await page.goto(url)
    await page.waitForFunction(() => performance.getEntriesByName('playground:script-ready').length > 0, undefined, { timeout: 30_000 })
    const marks = await page.evaluate(() => ({
      editable: performance.getEntriesByName('playground:script-ready')[0]?.startTime ?? Number.NaN,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }))
    editable.push(marks.editable)
    fcp.push(marks.fcp)
    await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 })
    const bodies = await Promise.all(scripts.map(async (s) => ({ ...s, buffer: await s.body })))
    before = bodies
      .filter((s) => s.started < monacoAt && s.buffer)
      .map((s) => ({ url: new URL(s.url).pathname, raw: s.buffer!.length, gz: gzipSync(s.buffer!).length }))
    all = bodies.reduce((sum, s) => sum + (s.buffer ? gzipSync(s.buffer).length : 0), 0)
    await context.close()
  }
  return { editable, fcp, before, all }
}

export default async function (): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'playground-bench-'))
  const server = await (async () => {
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } })
    return preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } })
  })()
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS })
  try {
    const url = server.resolvedUrls?.local[0]
    if (!url) throw new Error('vite preview gave no URL')
    const samples = await keystrokes(browser, url, SCRIPT)
    const big = await keystrokes(browser, url, BIG_SCRIPT)
    const load = await loads(browser, url)
    const core: number[] = []
    for (let i = 0; i < 200; i++) {
      const started = performance.now()
      mapCalls(readScript(`${SCRIPT}// ${i}`).calls, defaultPreset)
      core.push(performance.now() - started)
    }
    const p95 = percentile(samples, 95)
    const gz = load.before.reduce((sum, s) => sum + s.gz, 0)
    return [
      `keystroke → preview painted (${samples.length}/${KEYS} keys): p50 ${ms(percentile(samples, 50))}, p95 ${ms(p95)} (target ≤ 50 ms: ${p95 <= 50 ? 'met' : 'MISSED'})`,
      `  same on the 42-call burst script (${big.length}/${KEYS} keys): p50 ${ms(percentile(big, 50))}, p95 ${ms(percentile(big, 95))}`,
      `  baseline, the pure core per keystroke in Node (readScript + mapCalls): p50 ${ms(percentile(core, 50))}; the page's p50 is ${(percentile(samples, 50) / percentile(core, 50)).toFixed(0)}× it (editor, render, one frame)`,
      `navigation → editable script editor (${LOADS} cold loads): p50 ${ms(percentile(load.editable, 50))}, max ${ms(Math.max(...load.editable))} (target ≤ 1500 ms: ${Math.max(...load.editable) <= 1500 ? 'met' : 'MISSED'}); first contentful paint p50 ${ms(percentile(load.fcp, 50))}`,
      `JavaScript before Monaco is needed: ${(gz / 1024).toFixed(1)} kB gzipped (target ≤ 150 kB: ${gz / 1024 <= 150 ? 'met' : 'MISSED'}) in ${load.before.length} file(s): ${load.before.map((s) => `${s.url} ${(s.raw / 1024).toFixed(0)} kB raw / ${(s.gz / 1024).toFixed(1)} kB gz`).join(', ')}`,
      `  all JavaScript of a full load (Monaco, its workers, the mock): ${(load.all / 1024).toFixed(0)} kB gzipped`,
    ].join('\n')
  } finally {
    await browser.close()
    await server.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}
