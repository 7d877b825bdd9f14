#!/usr/bin/env node
// `pnpm conformance --base-url URL`: runs the conformance suite through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../conformance/run.ts');
await main(process.argv.slice(2));
