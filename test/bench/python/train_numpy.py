"""
`npm run bench train`'s NumPy contender: full-batch gradient descent written out by hand in
float64 NumPy (forward, cost, backward, update), the practical ceiling of one core: every layer
product is one BLAS call (dgemm) on preallocated arrays, and the element-wise work is done in
place. The benchmark runs it with OPENBLAS_NUM_THREADS=1 (see train.bench.ts).

Per step, with A0 = X (m x n0, one example a row), c = (1/m) sum_i 1/2 sum_j (y_ij - a_ij)^2
(the 'half-squared' cost, as the trainer's), and its gradient:
  Z_l = A_(l-1) W_l + b_l, A_l = f(Z_l)                    forward
  D = (A_L - Y) / m                                        dc/dA_L
  D = D * f'(Z_l); gW_l = A_(l-1)^T D; gb_l = sum_rows D;  backward, layer by layer
  D = D W_l^T (before W_l moves)
  W_l -= eta gW_l, b_l -= eta gb_l                          the step
"""
import common

try:
    import numpy as np
except ImportError:
    common.reply({"missing": "numpy"})
    raise SystemExit(0)


class NumpyTrainer:
    def __init__(self, shape):
        self.x, self.y, self.w, self.b = common.load_network(np, shape)
        self.activations = shape["activations"]
        self.eta = shape["learningRate"]
        m = self.x.shape[0]
        self.m = m
        sizes = shape["sizes"]
        L = len(sizes) - 1
        self.z = [np.empty((m, sizes[l + 1])) for l in range(L)]
        self.a = [np.empty((m, sizes[l + 1])) for l in range(L)]
        self.d = [np.empty((m, sizes[l + 1])) for l in range(L)]
        self.t = [np.empty((m, sizes[l + 1])) for l in range(L)]
        self.mask = [np.empty((m, sizes[l + 1]), dtype=bool) for l in range(L)]
        self.gw = [np.empty_like(w) for w in self.w]
        self.gb = [np.empty_like(b) for b in self.b]
        self.costs = []

    def step(self):
        L = len(self.w)
        prev = self.x
        for l in range(L):
            z, a = self.z[l], self.a[l]
            np.matmul(prev, self.w[l], out=z)
            z += self.b[l]
            if self.activations[l] == "relu":
                np.maximum(z, 0.0, out=a)
            else:  # sigmoid: 1 / (1 + e^(-z))
                np.negative(z, out=a)
                np.exp(a, out=a)
                a += 1.0
                np.reciprocal(a, out=a)
            prev = a
        d = self.d[L - 1]
        np.subtract(self.a[L - 1], self.y, out=d)
        cost = 0.5 / self.m * float(np.vdot(d, d))
        d *= 1.0 / self.m
        for l in range(L - 1, -1, -1):
            d = self.d[l]
            if self.activations[l] == "relu":
                np.greater(self.z[l], 0.0, out=self.mask[l])
                np.multiply(d, self.mask[l], out=d)
            else:  # sigmoid' = a (1 - a)
                t = self.t[l]
                np.subtract(1.0, self.a[l], out=t)
                t *= self.a[l]
                d *= t
            prev = self.x if l == 0 else self.a[l - 1]
            np.matmul(prev.T, d, out=self.gw[l])
            np.sum(d, axis=0, out=self.gb[l])
            if l > 0:
                np.matmul(d, self.w[l].T, out=self.d[l - 1])
        for l in range(L):
            self.gw[l] *= self.eta
            self.w[l] -= self.gw[l]
            self.gb[l] *= self.eta
            self.b[l] -= self.gb[l]
        self.costs.append(cost)
        return cost

    def cost(self):
        prev = self.x
        for l in range(len(self.w)):
            z = prev @ self.w[l] + self.b[l]
            prev = np.maximum(z, 0.0) if self.activations[l] == "relu" else 1.0 / (1.0 + np.exp(-z))
        return 0.5 / self.m * float(np.sum((prev - self.y) ** 2))


def main():
    manifest = common.load_manifest()
    blas = common.Blas()
    results = []
    for shape in manifest["shapes"]:
        trainer = NumpyTrainer(shape)
        # The costs before each of the first steps and after the last, to set beside the trainer's.
        check = [trainer.step() for _ in range(manifest["checkSteps"])] + [trainer.cost()]

        def train(k):
            for _ in range(k):
                trainer.step()
            trainer.costs.clear()

        results.append({"label": shape["label"], "threads": 1, "checkCosts": check, **common.measure(train, shape["timing"])})
    common.reply({**common.interpreter(), "library": "numpy " + np.__version__, "blas": blas.describe(), "results": results})


main()
