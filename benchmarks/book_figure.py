# The book's figure (Multivariable Calculus, "Hessians"): x*exp(-x^2-y^2) on a 101x101
# grid with its quadratic approximation at (-1, 0) in purple, every 10th line drawn,
# saved as a PNG. The reference for timing gradscape's CLI export of the same scene.
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

x, y = np.meshgrid(np.linspace(-2, 2, 101), np.linspace(-2, 2, 101), indexing="ij")
z = x * np.exp(-(x**2) - y**2)
w = np.exp(-1) * (-1 - (x + 1) + (x + 1) ** 2 + y**2)
ax = plt.figure(figsize=(8, 6)).add_subplot(111, projection="3d")
ax.plot_wireframe(x, y, z, rstride=10, cstride=10)
ax.plot_wireframe(x, y, w, rstride=10, cstride=10, color="purple")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_xlim(-2, 2)
ax.set_ylim(-2, 2)
ax.set_zlim(-1, 1)
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "book_figure.png", dpi=100)
