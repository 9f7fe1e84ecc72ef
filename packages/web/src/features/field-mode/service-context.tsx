import { createContext, useContext, useSyncExternalStore } from 'react'
import type { FieldService, FieldSnapshot } from './service.ts'

export const FieldServiceContext = createContext<FieldService | null>(null)

export function useFieldService(): FieldService {
  const service = useContext(FieldServiceContext)
  if (!service) {
    throw new Error('useFieldService outside the field mode')
  }
  return service
}

export function useFieldSnapshot(): FieldSnapshot {
  const service = useFieldService()
  return useSyncExternalStore(service.subscribe, service.getSnapshot)
}
