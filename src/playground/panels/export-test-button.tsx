import { useState } from 'preact/hooks'
import { defaultPreset } from '../../core/index.ts'
import { replay } from '../export/replay.ts'
import { toVitestTest } from '../export/to-vitest-test.ts'
import { mapping, presetState } from '../state/mapping.ts'
import { scriptText } from '../state/source.ts'

export const EXPORT_FILE_NAME = 'loops-playground.test.ts'

/** The current script and preset as a Vitest file for the user's project (see docs/use-in-your-project.md). */
export async function exportTest(): Promise<string> {
  const { preset } = presetState.value
  const isDefault = JSON.stringify(preset) === JSON.stringify(defaultPreset)
  return toVitestTest({ script: scriptText.value, preset: isDefault ? undefined : preset, replay: await replay(scriptText.value, preset) })
}

let lastUrl: string | undefined

function download(text: string): void {
  // the previous file's URL is released now, not on a timer: a busy browser may start a download late
  if (lastUrl !== undefined) URL.revokeObjectURL(lastUrl)
  const url = URL.createObjectURL(new Blob([text], { type: 'text/typescript' }))
  lastUrl = url
  const link = Object.assign(document.createElement('a'), { href: url, download: EXPORT_FILE_NAME })
  document.body.append(link)
  link.click()
  link.remove()
}

/**
 * "Export as test": replays the script and preset against a fresh in-page mock and downloads a Vitest file that
 * does the same with the package and asserts what this replay saw.
 */
export function ExportTestButton() {
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle')
  const { results, stale } = mapping.value
  const run = async (): Promise<void> => {
    setState('working')
    try {
      download(await exportTest())
      setState('idle')
    } catch {
      setState('failed')
    }
  }
  return (
    <button
      type="button"
      class="btn"
      disabled={stale || results.length === 0 || state === 'working'}
      onClick={() => void run()}
      title="Download a Vitest test that replays this script and preset against the mock from the loops-playground package and asserts each call's status and body, and the contacts and events the mock holds afterwards"
    >
      {state === 'failed' ? 'Export failed' : 'Export as test'}
    </button>
  )
}
