import type { Me } from '../../api/types.ts'
import { FieldService } from './service.ts'

// One service per account for the life of the tab: the PIN key and the sync loop survive moving
// between pages, and are dropped at sign-out.
const services = new Map<string, FieldService>()

export function fieldServiceFor(me: Me, onRevoked: () => void): FieldService {
  let service = services.get(me.user.id)
  if (!service) {
    service = new FieldService(me, onRevoked)
    services.set(me.user.id, service)
  }
  return service
}

export function dropFieldService(userId: string): void {
  const service = services.get(userId)
  if (service) {
    service.stop()
    service.store.db.close()
    services.delete(userId)
  }
}
