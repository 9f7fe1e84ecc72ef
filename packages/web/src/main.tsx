import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { loadCatalog, loadLang } from './i18n/messages.ts'
import { registerServiceWorker } from './pwa/register.ts'
import './styles.css'

const root = document.getElementById('root')
if (!root) {
  throw new Error('index.html has no #root')
}
// The words of the visitor's language before the first drawing.
void loadCatalog(loadLang()).then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
registerServiceWorker()
