/**
 * A mock clock that stands still: only the mock's virtual `advance` (POST /_mock/clock/advance) moves it, so a
 * rate-limit window never rolls over in the middle of a test on a slow machine.
 */
export const frozenClock = (at = Date.UTC(2026, 10, 1, 12, 0, 0)): { now: () => number } => ({ now: () => at })
