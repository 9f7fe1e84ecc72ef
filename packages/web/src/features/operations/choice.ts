import type { Operation } from './types.ts'

/**
 * The operation a screen shows first: the one under way run by the account's own office (the
 * national coordination's season, a group's special operation), else any under way, else the
 * newest.
 */
export function firstOperation(operations: readonly Operation[], ownUnit: string): Operation | undefined {
  return operations.find((o) => o.status === 'open' && o.orgUnitId === ownUnit) ?? operations.find((o) => o.status === 'open') ?? operations[0]
}

/** The operations under way, the account's own office's first. */
export function openOperations(operations: readonly Operation[], ownUnit: string): Operation[] {
  const open = operations.filter((o) => o.status === 'open')
  return [...open.filter((o) => o.orgUnitId === ownUnit), ...open.filter((o) => o.orgUnitId !== ownUnit)]
}
