import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ELK (auto-layout) is a 1.4 MB chunk loaded only when someone tidies a flow up; the page
    // itself stays well under this.
    chunkSizeWarningLimit: 1600,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
