#!/usr/bin/env bash
# 20 figures (the book's figure, 800x600, the point moved along x) drawn three ways, whole
# wall time, median of N runs, under one Xvfb server:
#   gradscape --batch FILE           one process for the 20
#   gradscape --export, 20 times     one process each
#   matplotlib, one process          the book's script looped 20 times (when python3 has
#                                    matplotlib; said when it has not)
# and, given a second build (say main's, to compare a change), its --batch in the same run.
# Runs under the X display in DISPLAY when set, else under a new xvfb-run -a server.
# Usage: benchmarks/batch_vs_processes.sh [build-dir] [N] [other-build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build/release}
runs=${2:-5}
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
bin="$(abs "$dir")/app/gradscape"
other=${3:+$(abs "$3")/app/gradscape}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
scenes = [{"function": "x*exp(-x^2-y^2)", "point": [-1.5 + 0.15 * i, 0], "size": [800, 600],
           "output": f"b{i}.png"} for i in range(20)]
json.dump({"scenes": scenes}, open(f"{out}/batch.json", "w"))
with open(f"{out}/each.sh", "w") as f:
    for s in scenes:
        f.write(f'"$1" --function "{s["function"]}" --point {s["point"][0]},0 --size 800x600 '
                f'--export "{out}/e{s["output"]}" >/dev/null\n')
PY
cat > "$out/measure.sh" <<INNER
median() { sort -n | awk '{a[NR]=\$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
  for i in \$(seq $runs); do
    s=\$(date +%s%N); "\$@" >/dev/null 2>&1 || echo "failed: \$*" >&2; e=\$(date +%s%N)
    echo \$(( (e - s) / 1000000 ))
  done | median
}
b=\$(time_runs "$bin" --batch "$out/batch.json")
p=\$(time_runs bash "$out/each.sh" "$bin")
echo "load average: \$(cut -d' ' -f1-3 /proc/loadavg)"
echo "gradscape --batch, 20 figures 800x600: median \${b} ms over $runs runs"
echo "gradscape --export x 20 processes:     median \${p} ms over $runs runs"
awk -v b=\$b -v p=\$p 'BEGIN { printf "ratio batch/processes: %.2f\n", b / p }'
if [ -n "$other" ]; then
  o=\$(time_runs "$other" --batch "$out/batch.json")
  echo "$other --batch: median \${o} ms over $runs runs"
  awk -v b=\$b -v o=\$o 'BEGIN { printf "ratio batch/other build batch: %.2f\n", b / o }'
fi
if /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  m=\$(time_runs /usr/bin/python3 -c "import runpy, sys
for i in range(20):
    sys.argv = ['book_figure.py', '$out/m%d.png' % i]
    runpy.run_path('benchmarks/book_figure.py')
    import matplotlib.pyplot as plt; plt.close('all')")
  echo "matplotlib, one process, 20 figures:   median \${m} ms over $runs runs"
  awk -v b=\$b -v m=\$m 'BEGIN { printf "ratio batch/matplotlib: %.2f\n", b / m }'
else
  echo "matplotlib: not installed for /usr/bin/python3 (python3-matplotlib); not measured"
fi
ls "$out"/b*.png | wc -l | xargs echo "figures written by the batch:"
INNER
if [ -n "${DISPLAY:-}" ]; then
  bash "$out/measure.sh"
else
  xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" bash "$out/measure.sh"
fi
