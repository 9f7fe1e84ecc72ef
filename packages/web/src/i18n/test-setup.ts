import { loadCatalog } from './messages.ts'

// The app loads a language's words before it draws; the web tests read both at once.
await loadCatalog('es')
await loadCatalog('en')
