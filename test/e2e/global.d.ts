import type { PlaygroundHook } from '../../src/playground/editor/test-hook.ts'

declare global {
  interface Window {
    __playground?: PlaygroundHook
  }
}
