// The bundle that bin/net.js runs, made from tsc's output in dist/ (npm run build: tsc, then `rolldown -c`).
// It exists for start-up time: node loads one file for the program (with commander and better-sqlite3's JavaScript)
// and one chunk for the command that runs, instead of a hundred modules. What each choice saves is measured in
// README's "Start-up tricks" table (bench/startup.sh measures it again).
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    main: 'dist/cli/main.js',
    // A separate entry: bin/net.js turns the compile cache on before the program's own code is compiled.
    'compile-cache': 'dist/cli/startup/compile-cache.js',
  },
  platform: 'node',
  // Warnings only; the build says it is done in one line (scripts/build-done.mjs), not with a listing of every chunk.
  logLevel: 'warn',
  output: {
    // CommonJS (bin/package.json marks bin/net.js so too): node starts it without its ES module loader.
    format: 'cjs',
    dir: 'dist/bundle',
    cleanDir: true,
    // Named by their content's hash, so that code kept by the compile cache for one build never serves another.
    entryFileNames: '[name]-[hash].cjs',
    // Each command's module, the phrase parser, the prompts, the CSV parser and the calendar writer: loaded on use.
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    sourcemap: true,
  },
});
