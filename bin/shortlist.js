#!/usr/bin/env node
// Runs the TypeScript CLI straight from a clone (`npx shortlist ...`), compiling on the fly with tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
