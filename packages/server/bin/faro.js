#!/usr/bin/env -S node --v8-pool-size=0
// --v8-pool-size=0 sizes V8's background threads to the machine (docs/operations.md).
// Runs the TypeScript CLI through tsx, so no build step stands between a checkout and Faro.
import { register } from 'tsx/esm/api'
register()
await import('../src/cli/main.ts')
