#!/usr/bin/env bash
# bench/startup.sh NAME=DIR[:VAR=VALUE] ...   (needs hyperfine: apt-get install hyperfine)
# What a start-up trick saves. Each DIR is a copy of net (its bin/ and dist/bundle/, node_modules linked) built with or
# without one trick; VAR=VALUE is set for its runs. For each of --help, due, show and log on a small journal, hyperfine
# times every variant and `node -e ''` in a clean environment (no NODE_EXTRA_CA_CERTS, no NODE_OPTIONS), and this
# prints each variant's CPU time (user + system) above the baseline's: on a shared machine, wall times move with the
# load of others, CPU times far less.
set -euo pipefail
RUNS=${RUNS:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CACHE_HOME=$work/cache NO_COLOR=1 NET_NOW=2026-11-22
unset NODE_EXTRA_CA_CERTS NODE_OPTIONS
first=${1#*=}; first=${first%%:*}
for name in "Jane Doe" "Ravi Patel" "Tom Lee" "Ann Archer"; do
  node "$first/bin/net.js" --db "$work/seed.db" add "$name" --every 2w --met 2026-01-05 >/dev/null
  node "$first/bin/net.js" --db "$work/seed.db" log "$name" --touch coffee --gave idea --date 2026-10-01 >/dev/null
done
declare -A cmds=([help]="--help" [due]="due" [show]="show jane" [log]="log jane --touch call")
printf '%-18s' "ms above node -e ''"; for c in help due show log; do printf '%9s' "$c"; done; echo "   (CPU time, $RUNS runs)"
for spec in "$@"; do
  name=${spec%%=*}; rest=${spec#*=}; dir=${rest%%:*}; var=$([[ $rest == *:* ]] && echo "${rest#*:}" || echo "NET_STARTUP_BENCH=1")
  cp "$work/seed.db" "$work/$name.db"
  printf '%-18s' "$name"
  for c in help due show log; do
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$work/r.json" "env NET_STARTUP_BENCH=1 node -e ''" "env $var node $dir/bin/net.js --db $work/$name.db ${cmds[$c]}" >/dev/null 2>&1
    node -e 'const r = require(process.argv[1]).results; const cpu = (x) => (x.user + x.system) * 1000; process.stdout.write((cpu(r[1]) - cpu(r[0])).toFixed(1).padStart(9));' "$work/r.json"
  done
  echo
done
