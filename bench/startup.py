#!/usr/bin/env python3
"""bench/startup.py [--runs N] NAME=DIR[:VAR=VALUE] ...

What a start-up trick saves. Each DIR is a copy of net (its bin/ and dist/bundle/, node_modules linked) built with or
without one trick; VAR=VALUE is set for its runs. Round by round, in a shuffled order, each variant runs --help, due,
show and log on a small journal, each next to a run of `node -e ''`, in a clean environment (no NODE_EXTRA_CA_CERTS,
no NODE_OPTIONS). It prints each variant's median CPU time (user + system, read with wait4) above the baseline of the
same round: on a machine shared with others, wall times move with their load, CPU times far less, and pairing the
runs round by round takes out what drift remains.
"""
import os, random, shutil, statistics, subprocess, sys, tempfile

args = sys.argv[1:]
runs = 40
if '--runs' in args:
    i = args.index('--runs')
    runs = int(args[i + 1])
    del args[i:i + 2]
variants = []
for spec in args:
    name, rest = spec.split('=', 1)
    folder, _, var = rest.partition(':')
    variants.append((name, folder, dict([var.split('=', 1)]) if var else {}))

work = tempfile.mkdtemp()
env = {k: v for k, v in os.environ.items() if k not in ('NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS')}
env.update(HOME=work, XDG_CACHE_HOME=os.path.join(work, 'cache'), NO_COLOR='1', NET_NOW='2026-11-22')
node = shutil.which('node')
COMMANDS = {'help': ['--help'], 'due': ['due'], 'show': ['show', 'jane'], 'log': ['log', 'jane', '--touch', 'call']}


def cpu_ms(argv, extra=None):
    """Runs argv to its end, its output to a pipe as a script would read it; returns its user + system time in ms."""
    r, w = os.pipe()
    pid = os.posix_spawn(node, [node, *argv], {**env, **(extra or {})}, file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
    os.close(w)
    while os.read(r, 65536):
        pass
    os.close(r)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f'{" ".join(argv)} failed')
    return (usage.ru_utime + usage.ru_stime) * 1000


def net(folder, db, argv):
    return [os.path.join(folder, 'bin', 'net.js'), '--db', db, *argv]


seed = os.path.join(work, 'seed.db')
for i, name in enumerate(['Jane Doe', 'Ravi Patel', 'Tom Lee', 'Ann Archer']):
    subprocess.run([node, *net(variants[0][1], seed, ['add', name, '--every', '2w', '--met', f'2026-01-0{i + 1}'])], env=env, check=True, capture_output=True)
    subprocess.run([node, *net(variants[0][1], seed, ['log', name, '--touch', 'coffee', '--gave', 'idea', '--date', '2026-10-01'])], env=env, check=True, capture_output=True)
above = {name: {c: [] for c in COMMANDS} for name, _, _ in variants}
for name, folder, extra in variants:
    shutil.copy(seed, os.path.join(work, f'{name}.db'))
    for argv in COMMANDS.values():  # warm the file cache (and any cache a variant keeps) as a user has it
        cpu_ms(net(folder, os.path.join(work, f'{name}.db'), argv), extra)
for _ in range(runs):
    for c, argv in COMMANDS.items():
        for name, folder, extra in random.sample(variants, len(variants)):
            base = cpu_ms(['-e', ''])
            above[name][c].append(cpu_ms(net(folder, os.path.join(work, f'{name}.db'), argv), extra) - base)
print(f"CPU ms above node -e '' ({runs} paired runs each): median, and in brackets the 10th percentile")
print('variant'.ljust(18) + ''.join(c.rjust(15) for c in COMMANDS))
for name, _, _ in variants:
    cells = [f'{statistics.median(above[name][c]):6.1f} [{statistics.quantiles(above[name][c], n=10)[0]:5.1f}]' for c in COMMANDS]
    print(name.ljust(18) + ''.join(cell.rjust(15) for cell in cells))
shutil.rmtree(work)
