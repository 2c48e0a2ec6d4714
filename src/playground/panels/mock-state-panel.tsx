import { useState } from 'preact/hooks'
import { browserMockStatus } from '../mock/start-in-browser-mock.ts'
import { mockError, mockSnapshot, refreshMock, resetMock } from '../state/mock-state.ts'
import { apiKey, target } from '../state/target.ts'
import { FaultControls } from './fault-controls.tsx'
import { MockContacts } from './mock-contacts.tsx'
import { MockRequests } from './mock-requests.tsx'
import { Panel } from './panel.tsx'

/** What the mock holds: contacts and their timelines, the request log; reset and fault controls. */
export function MockStatePanel() {
  const [tab, setTab] = useState<'contacts' | 'requests'>('contacts')
  if (target.value === 'loops-proxy') {
    return (
      <Panel label="Mock state" area="mock">
        <p class="empty">Sending to real Loops: there is no mock here. Check the contacts in your Loops dashboard.</p>
      </Panel>
    )
  }
  const snapshot = mockSnapshot.value
  const local = target.value === 'browser-mock' ? browserMockStatus.value : { state: 'ready' as const }
  const error = local.state === 'failed' ? (local.message ?? 'The in-browser mock could not start.') : mockError.value
  return (
    <Panel
      label="Mock state"
      area="mock"
      actions={
        <>
          <button type="button" class="btn small" onClick={() => void refreshMock()} aria-label="Refresh mock state">
            ↻
          </button>
          <button type="button" class="btn small" title="Empty the mock and make the API key in use work again" onClick={() => void resetMock(apiKey.value)}>
            Reset mock
          </button>
        </>
      }
    >
      <FaultControls apiKey={apiKey.value} />
      <div class="tabs subbar" role="group" aria-label="Mock views">
        <button type="button" aria-pressed={tab === 'contacts'} onClick={() => setTab('contacts')}>
          Contacts ({snapshot?.contacts.length ?? 0})
        </button>
        <button type="button" aria-pressed={tab === 'requests'} onClick={() => setTab('requests')}>
          Requests ({snapshot?.requests.length ?? 0})
        </button>
      </div>
      {error && (
        <div class="notice error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div class="scroll">
        {!snapshot && !error && <p class="empty">{local.state === 'starting' ? 'Starting the in-browser mock…' : 'Connecting to the mock…'}</p>}
        {snapshot && tab === 'contacts' && <MockContacts contacts={snapshot.contacts} />}
        {snapshot && tab === 'requests' && <MockRequests requests={snapshot.requests} />}
      </div>
    </Panel>
  )
}
