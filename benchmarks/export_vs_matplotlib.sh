#!/usr/bin/env bash
# Whole-process time of gradscape's CLI export of the default scene beside the book's
# matplotlib script for the same figure, both 800x600 PNGs, under one Xvfb server.
# Prints the median of N runs each. Usage: benchmarks/export_vs_matplotlib.sh [build-dir] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build/release}
runs=${2:-9}
bin="$dir/app/gradscape"
python=/usr/bin/python3
"$python" -c "import matplotlib" 2>/dev/null || { echo "needs python3-matplotlib (apt-get install python3-matplotlib)" >&2; exit 1; }
out=$(mktemp -d)
cat > "$out/measure.sh" <<INNER
median() { sort -n | awk '{a[NR]=\$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
  for i in \$(seq $runs); do
    s=\$(date +%s%N); "\$@" >/dev/null 2>&1; e=\$(date +%s%N)
    echo \$(( (e - s) / 1000000 ))
  done | median
}
g=\$(time_runs "$bin" --export "$out/g.png" --size 800x600)
m=\$(time_runs "$python" benchmarks/book_figure.py "$out/m.png")
echo "gradscape --export (800x600): median \${g} ms over $runs runs"
echo "matplotlib book figure (800x600): median \${m} ms over $runs runs"
awk -v g=\$g -v m=\$m 'BEGIN { printf "ratio gradscape/matplotlib: %.2f\n", g / m }'
INNER
xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" bash "$out/measure.sh"
rm -rf "$out"
