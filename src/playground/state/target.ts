import { computed, effect, signal } from '@preact/signals'
import { LOOPS_PROXY_PREFIX } from '../../proxy/proxy-prefix.ts'

/** Where Send sends: the mock in this page, a mock server on a URL, or real Loops through the local proxy. */
export type TargetKind = 'browser-mock' | 'mock-server' | 'loops-proxy'

export const TARGET_LABELS: Record<TargetKind, string> = {
  'browser-mock': 'In-browser mock',
  'mock-server': 'Mock server (URL)',
  'loops-proxy': 'Real Loops (via local proxy)',
}

const store = globalThis.sessionStorage as Storage | undefined
const read = (key: string): string | null => {
  try {
    return store?.getItem(`loops-playground:${key}`) ?? null
  } catch {
    return null
  }
}
const write = (key: string, value: string): void => {
  try {
    store?.setItem(`loops-playground:${key}`, value)
  } catch {
    // storage unavailable (private mode): the value lives for this page only
  }
}

const savedTarget = read('target')
export const target = signal<TargetKind>(
  savedTarget === 'mock-server' || savedTarget === 'loops-proxy' ? savedTarget : 'browser-mock',
)
export const mockServerUrl = signal(read('mock-server-url') ?? 'http://127.0.0.1:4010')

/** API keys per target, kept in sessionStorage only: never in a URL, a share link or a log. */
const keys = signal<Record<TargetKind, string>>({
  'browser-mock': '',
  'mock-server': read('key:mock-server') ?? '',
  'loops-proxy': read('key:loops-proxy') ?? '',
})
export const apiKey = computed(() => keys.value[target.value])
export function setApiKey(value: string, kind: TargetKind = target.value): void {
  keys.value = { ...keys.value, [kind]: value }
  if (kind !== 'browser-mock') write(`key:${kind}`, value)
}

effect(() => write('target', target.value))
effect(() => write('mock-server-url', mockServerUrl.value))

/** The origin the sender and the Mock state panel talk to, for the current target. */
export const baseUrl = computed((): string => {
  if (target.value === 'mock-server') return mockServerUrl.value.replace(/\/+$/, '')
  if (target.value === 'loops-proxy') return `${location.origin}${LOOPS_PROXY_PREFIX}`
  return location.origin
})

