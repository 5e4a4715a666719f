# numpy's time for the grid benchmark (bench_grid runs this): x*exp(-x^2-y^2) on an n x n grid
# of [-2, 2]^2 as a numpy user writes it (meshgrid, then the formula), one process.
# Prints the median wall time and CPU time of `reps` runs in milliseconds.
import statistics
import sys
import time

import numpy as np

n, reps = int(sys.argv[1]), int(sys.argv[2])
wall, cpu = [], []
for _ in range(reps + 1):  # the first warms up and is not counted
    start, start_cpu = time.perf_counter(), time.process_time()
    x, y = np.meshgrid(np.linspace(-2, 2, n), np.linspace(-2, 2, n), indexing="ij")
    z = x * np.exp(-(x**2) - y**2)
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
print(f"{statistics.median(wall[1:]) * 1e3:.3f} {statistics.median(cpu[1:]) * 1e3:.3f}")
