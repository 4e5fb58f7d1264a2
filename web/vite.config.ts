import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config is run from the repository root (`vite build --config web/vite.config.ts`), so the
// root has to be pinned to this folder rather than taken from the working directory.
const root = import.meta.dirname;
const api = 'http://localhost:3000';
const KEEP_NAME = new Set(['vendor', 'rolldown-runtime']);

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${root}/dist`,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Channels are split by their React.lazy imports; this only names the chunks. Shared
        // chunks would otherwise be named after an arbitrary module in them (e.g. `roles`).
        chunkFileNames: (chunk) => {
          // A lazy page inside a channel (channels/admin/catalogue/index.tsx) is named after both.
          const id = chunk.facadeModuleId ?? '';
          const page = /channels[\\/](\w+)[\\/](\w+)[\\/]index\.tsx?$/.exec(id);
          if (page) return `assets/channel-${page[1]}-${page[2]}-[hash].js`;
          const channel = /channels[\\/](\w+)[\\/]/.exec(id)?.[1];
          if (channel) return `assets/channel-${channel}-[hash].js`;
          if (chunk.facadeModuleId || KEEP_NAME.has(chunk.name)) return 'assets/[name]-[hash].js';
          return 'assets/shared-[hash].js';
        },
        codeSplitting: {
          groups: [
            {
              // Only what the entry itself needs (React, the router, antd's ConfigProvider) goes
              // into the vendor chunk. antd components reached only through lazy routes stay with
              // those routes, so the portal's first load never pays for, say, the login Form.
              name: 'vendor',
              test: /node_modules[\\/]/,
              tags: ['$initial'],
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': api,
      '/docs': api,
      '/healthz': api,
    },
  },
});
