import { mainView, type MainView } from './main-view.ts'

const VIEWS: [MainView, string][] = [
  ['request', 'Request'],
  ['clay', 'Clay table'],
]

/** Switches the middle pane between the Datafly request and the Clay table (both stay loaded). */
export function ViewSwitch() {
  return (
    <div class="tabs" role="group" aria-label="View">
      {VIEWS.map(([view, label]) => (
        <button key={view} type="button" aria-pressed={mainView.value === view} onClick={() => (mainView.value = view)}>
          {label}
        </button>
      ))}
    </div>
  )
}
