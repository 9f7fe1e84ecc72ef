/** The first retry waits up to this long. */
export const BACKOFF_BASE_MS = 2_000
/** No retry waits longer than this. */
export const BACKOFF_CAP_MS = 5 * 60_000

/**
 * How long to wait before retry number `attempt` (0 for the first retry): exponential growth from
 * 2 s, capped at 5 minutes, with full jitter so that phones regaining signal together do not
 * all retry in the same second. `random` is a number in [0, 1), passed in because core has no
 * randomness of its own.
 * @example nextBackoffMs(0, 0.5) // 1000: half of the 2 s window
 * @example nextBackoffMs(20, 0.999) // 299700: the 5 min cap
 */
export function nextBackoffMs(attempt: number, random: number): number {
  const step = Math.max(0, Math.floor(attempt))
  // 2^20 × 2 s is far beyond the cap; stopping the exponent there avoids Infinity.
  const window = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(step, 20))
  const r = Math.min(Math.max(random, 0), 1)
  return Math.floor(window * r)
}
