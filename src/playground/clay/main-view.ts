import { effect, signal } from '@preact/signals'

/** What the middle of the playground shows: the Datafly request, or the Clay table. */
export type MainView = 'request' | 'clay'

const read = (): MainView => {
  try {
    return globalThis.sessionStorage?.getItem('loops-playground:view') === 'clay' ? 'clay' : 'request'
  } catch {
    return 'request'
  }
}

export const mainView = signal<MainView>(read())

effect(() => {
  try {
    globalThis.sessionStorage?.setItem('loops-playground:view', mainView.value)
  } catch {
    // storage unavailable: the view lives for this page only
  }
})
