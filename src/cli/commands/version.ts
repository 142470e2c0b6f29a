import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { readVersion } from '../version.js';

export function setup(cmd: Command, ctx: CliContext): void {
  withExamples(cmd, ['net version', 'net --json version          # { "version": "0.1.0" }']).action(() => {
    ctx.out.emit({ version: readVersion() }, (v) => v.version);
  });
}
