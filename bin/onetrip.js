#!/usr/bin/env node
// The sources are TypeScript; tsx compiles them on load, so there is no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
