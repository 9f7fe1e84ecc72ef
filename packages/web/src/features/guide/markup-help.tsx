import { useI18n } from '../../i18n/i18n.tsx'

/** The site's small markup, shown as what to type and what it gives. */
export function MarkupHelp({ id }: { id: string }) {
  const { t } = useI18n()
  const rows = [
    ['# Título de la página', 'guide.help.heading'],
    ['## Un apartado', 'guide.help.subheading'],
    ['- Un punto de una lista', 'guide.help.list'],
    ['**palabras importantes**', 'guide.help.bold'],
    ['[Cómo quejarte](complain)', 'guide.help.link'],
    ['[911](tel:911)', 'guide.help.tel'],
    ['[!water] Lleva agua.', 'guide.help.pictogram'],
  ] as const
  return (
    <details className="guide-help" id={id}>
      <summary>{t('guide.help.title')}</summary>
      <dl>
        {rows.map(([code, key]) => (
          <div key={key}>
            <dt>
              <code>{code}</code>
            </dt>
            <dd>{t(key)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('guide.help.noHtml')}</p>
    </details>
  )
}
