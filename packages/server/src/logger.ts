import pino, { type Logger } from 'pino'

/**
 * Structured JSON logs. Request bodies, cookies, tokens and query strings are never logged;
 * the redaction list is a second line of defence for anything that slips into a log object.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'faro' },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'authorization', '*.authorization', 'payload', '*.payload'],
        censor: '[redacted]',
      },
    },
    destination,
  )
}
