// The bundle that bin/net.js runs, made from tsc's output in dist/ (npm run build: tsc, then `rolldown -c`).
// It exists for start-up time: node loads one file for the program (with commander and better-sqlite3's JavaScript)
// and one chunk for the command that runs, instead of a hundred modules. What each choice saves is measured in
// README's "Start-up tricks" table (bench/startup.py measures it again).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { main: 'dist/cli/main.js' },
  platform: 'node',
  // A start-up trick (README, "Start-up tricks"): commander gets a node:child_process that loads on first use.
  resolve: { alias: { 'node:child_process': fileURLToPath(new URL('src/cli/startup/lazy-child-process.cjs', import.meta.url)) } },
  // Warnings and errors only (on stderr); package.json's build sends rolldown's listing of every chunk to /dev/null.
  logLevel: 'warn',
  output: {
    // CommonJS (bin/package.json marks bin/net.js so too): node starts it without its ES module loader.
    format: 'cjs',
    dir: 'dist/bundle',
    cleanDir: true,
    // dist/bundle/main.cjs, which bin/net.js requires.
    entryFileNames: '[name].cjs',
    // Each command's module, the phrase parser, the prompts, the CSV parser and the calendar writer: loaded on use.
    // (A hash tells apart two modules of one name, such as cli/commands/add.ts and app/add.ts.)
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    sourcemap: true,
  },
});
