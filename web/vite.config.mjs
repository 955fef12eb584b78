// Builds the dashboard into web/dist, which `dmon serve` serves at `/`. Everything the page needs
// (scripts, styles, map outlines) is bundled: the page loads nothing from other origins.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // Preact's JSX through esbuild, without a framework plugin.
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The preload polyfill would be an inline script, which the page's CSP forbids.
    modulePreload: { polyfill: false },
    // Inlined assets become data: URLs; keep them as files so CSP needs no data: sources.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  logLevel: 'warn',
});
