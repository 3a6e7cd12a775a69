"""
`npm run bench train`'s PyTorch contender: full-batch gradient descent in float64 with autograd
(torch.autograd.grad) and a plain SGD step (p -= eta * grad, under no_grad), for each thread count
given after the manifest (e.g. `1 2`): torch.set_num_threads(n), and the same count for the
OpenBLAS that Debian's PyTorch does its float64 matrix products in (openblas_set_num_threads),
which torch.set_num_threads does not reach.

The cost is the trainer's 'half-squared': c = (1/m) sum_i 1/2 sum_j (y_ij - a_ij)^2.
"""
import sys

import common

try:
    import numpy as np
    import torch
except ImportError as error:
    common.reply({"missing": error.name or "torch"})
    raise SystemExit(0)


class TorchTrainer:
    def __init__(self, shape):
        x, y, w, b = common.load_network(np, shape)
        self.x = torch.from_numpy(x)
        self.y = torch.from_numpy(y)
        self.w = [torch.from_numpy(v.copy()).requires_grad_() for v in w]
        self.b = [torch.from_numpy(v.copy()).requires_grad_() for v in b]
        self.params = [p for pair in zip(self.w, self.b) for p in pair]
        self.activations = shape["activations"]
        self.eta = shape["learningRate"]
        self.scale = 0.5 / self.x.shape[0]

    def loss(self):
        a = self.x
        for l in range(len(self.w)):
            z = torch.addmm(self.b[l], a, self.w[l])
            a = torch.relu(z) if self.activations[l] == "relu" else torch.sigmoid(z)
        return (a - self.y).square().sum() * self.scale

    def step(self):
        loss = self.loss()
        grads = torch.autograd.grad(loss, self.params)
        with torch.no_grad():
            for p, g in zip(self.params, grads):
                p.sub_(g, alpha=self.eta)
        return loss.item()

    def cost(self):
        with torch.no_grad():
            return self.loss().item()


def main():
    manifest = common.load_manifest()
    threads = [int(n) for n in sys.argv[2:]] or [1]
    torch.set_default_dtype(torch.float64)
    blas = common.Blas()
    results = []
    for shape in manifest["shapes"]:
        for n in threads:
            torch.set_num_threads(n)
            blas.set_threads(n)
            trainer = TorchTrainer(shape)
            check = [trainer.step() for _ in range(manifest["checkSteps"])] + [trainer.cost()]

            def train(k):
                for _ in range(k):
                    trainer.step()

            results.append({"label": shape["label"], "threads": n, "checkCosts": check, **common.measure(train, shape["timing"])})
    torch.set_num_threads(max(threads))
    blas.set_threads(max(threads))
    common.reply({**common.interpreter(), "library": "torch " + torch.__version__, "blas": blas.describe(), "results": results})


main()
