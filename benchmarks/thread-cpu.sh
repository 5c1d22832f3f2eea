#!/usr/bin/env bash
# Each server thread's CPU time over 50 s of a configuration's measured slice (performance.md, "Where the export's
# CPU goes, thread by thread"). Run beside a load run whose progress goes to LOG, for example:
#   benchmarks/load.sh --configs 3,7 --soak 0 --rounds 1 --measure 60 > run.log &
#   benchmarks/thread-cpu.sh run.log target/threads 3 7
#   python3 benchmarks/thread_cpu.py target/threads 3 7
# Snapshots (tid, name, utime + stime in clock ticks, from /proc/<pid>/task/*/stat, whose fields are counted after the
# thread's name: a name may contain blanks) 8 s and 58 s into the slice.
set -euo pipefail
log=$1; out=$2; shift 2
taken=""
snapshot() {
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\t%s\n' "$(basename "$task")" "$(cat "$task/comm" 2>/dev/null)" \
      "$(sed 's/^.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}')"
  done
}
while sleep 1; do
  for c in "$@"; do
    case " $taken " in *" $c "*) continue ;; esac
    if grep -q "^round 1/1: $c " "$log"; then
      sleep 8
      if [[ $c == W* ]]; then pid=$(ps -eo pid=,args= | grep "[S]tandalone" | grep -E "load-$c( |/|$)" | awk '{print $1}' | head -1 || true)
      else pid=$(ps -eo pid=,args= | grep "[w]s-javaagent" | grep -E "load-$c( |/|$)" | awk '{print $1}' | head -1 || true); fi
      if [[ -z $pid ]]; then echo "no server process found for $c" >&2; exit 1; fi
      snapshot "$pid" > "$out.$c.before"; sleep 50; snapshot "$pid" > "$out.$c.after"
      taken="$taken $c"
    fi
  done
  grep -q "written to" "$log" && break
done
