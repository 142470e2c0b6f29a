// The bundle that bin/net.js runs, made from tsc's output in dist/ (npm run build: tsc, then `rolldown -c`).
// It exists for start-up time: node loads one file for the program (with commander), the chunks of the command that
// runs and of the journal's code (better-sqlite3's JavaScript, the store: cli/journal-code.ts), instead of a hundred
// modules; `net --help` and `net --version` load the program's file alone. What each choice saves is measured in
// README's "Start-up tricks" table (bench/startup.py measures it again).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'rolldown';
import { BUNDLE_FILE_HEAD, BUNDLE_FILE_TAIL } from './dist/cli/startup/load-bundle.js';

/*
 * What net's loader reads of each file of the two bundles below (src/cli/startup/load-bundle.ts): the file written
 * inside the function that runs it, and in ASCII only (escapes for the rest), so that V8 keeps one byte a character.
 */
const FOR_THE_LOADER = { banner: BUNDLE_FILE_HEAD, footer: BUNDLE_FILE_TAIL, charset: 'ascii' };

/**
 * What tab completion knows of the commands (src/cli/completion/spec.ts), made from the command tree with every
 * command's module loaded, once, here: completing a word then loads none of them.
 */
async function completionSpec() {
  const { buildProgram } = await import('./dist/cli/program.js');
  const { toCompletionSpec } = await import('./dist/cli/completion/spec.js');
  return toCompletionSpec(await buildProgram({}, [], { loadAll: true }));
}

const SPEC = 'net:completion-spec';
const completionSpecPlugin = {
  name: 'net-completion-spec',
  resolveId: (id) => (id === SPEC ? `\0${SPEC}` : null),
  load: async (id) => (id === `\0${SPEC}` ? `export default ${JSON.stringify(await completionSpec())};` : null),
};

export default defineConfig([{
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
    // Less for V8 to read and hash at each start (main.cjs 159 -> 66 KB): about 5 M instructions of a command, 4%
    // of `net due`'s cost above node (callgrind). Class names are kept: an error's name is its class's (core/errors.ts).
    minify: { compress: { keepNames: { function: false, class: true } }, mangle: { keepNames: { function: false, class: true } } },
    ...FOR_THE_LOADER,
  },
},
// The completion bundle (dist/bundle/complete.cjs), which bin/net.js runs for `net complete …` on every Tab: one file
// of its own, sharing no chunk with the program's, so that it loads nothing but what completing takes.
{
  input: { complete: 'dist/cli/completion/main.js' },
  platform: 'node',
  plugins: [completionSpecPlugin],
  logLevel: 'warn',
  output: { format: 'cjs', dir: 'dist/bundle', cleanDir: false, entryFileNames: '[name].cjs', codeSplitting: false, ...FOR_THE_LOADER },
},
// A start-up trick (README, "Start-up tricks"): dist/bundle/load.cjs, which bin/net.js runs, loads the two bundles
// above from the code cache that the build then makes (src/cli/startup/load-bundle.ts, make-code-cache.ts).
{
  input: { load: 'dist/cli/startup/load-bundle.js' },
  platform: 'node',
  logLevel: 'warn',
  output: { format: 'cjs', dir: 'dist/bundle', cleanDir: false, entryFileNames: '[name].cjs', codeSplitting: false },
}]);
