import type { ReactNode } from 'react'

/** Fields side by side on a wide screen, one under the other on a phone. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="call-row">{children}</div>
}
