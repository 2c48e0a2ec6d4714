export type MonacoModule = typeof import('./monaco-setup.ts')

let loading: Promise<MonacoModule> | undefined

/** Loads the Monaco bundle once (a separate chunk, fetched after the first paint). */
export function loadMonaco(): Promise<MonacoModule> {
  loading ??= import('./monaco-setup.ts')
  return loading
}
