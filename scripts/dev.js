#!/usr/bin/env node
// `npm run dev`: the API on :3000 and Vite's dev server with hot reload on :5173 (it proxies
// /api, /docs and /healthz to the API). Ctrl-C stops both.
import { spawn } from 'node:child_process';

const procs = [
  spawn(process.execPath, ['bin/onetrip.js', 'start'], {
    stdio: 'inherit',
    env: { ...process.env },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
  }),
];
const stop = () => procs.forEach((p) => p.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of procs) p.on('exit', stop);
