"""
What the Python contenders of `npm run bench train` share: reading the networks the benchmark
wrote (train.bench.ts), the timing loop (the same as the benchmark's own, see there), and a
description of the BLAS library the process actually loaded.

Protocol: `python3 SCRIPT MANIFEST.json [options]`. The manifest lists the shapes, each with
its sizes, activations, learning rate and the raw little-endian float64 files of its examples
(x: m x n0, y: m x nL, row-major), weights (w[l]: n(l-1) x n(l), row-major, z = a @ w + b) and
biases. The script prints one JSON object on standard output and nothing else there; when its
library is missing it prints {"missing": "<module>"} and exits 0, so the benchmark can try
another interpreter or print a note.
"""
import ctypes
import json
import os
import platform
import resource
import sys
import time


def load_manifest():
    with open(sys.argv[1], encoding="utf-8") as f:
        return json.load(f)


def read_floats(np, path, shape):
    return np.fromfile(path, dtype="<f8").reshape(shape)


def load_network(np, shape):
    """The network's arrays as float64 NumPy arrays: x, y, [w], [b]."""
    sizes = shape["sizes"]
    m = shape["examples"]
    x = read_floats(np, shape["x"], (m, sizes[0]))
    y = read_floats(np, shape["y"], (m, sizes[-1]))
    w = [read_floats(np, shape["w"][l], (sizes[l], sizes[l + 1])) for l in range(len(sizes) - 1)]
    b = [read_floats(np, shape["b"][l], (sizes[l + 1],)) for l in range(len(sizes) - 1)]
    return x, y, w, b


def median(values):
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def measure(train, timing):
    """
    Times train(k) (k steps of gradient descent) as the benchmark times its own contenders: warm
    up with k = 1, 4, 16, ... steps per call, for at least two calls and timing["warmupMs"] and
    until a call takes about a sample, then take k steps per sample so a sample lasts about
    timing["sampleMs"] (from the last warm-up call), up to timing["runs"] samples (at least
    timing["minRuns"], stopping once timing["budgetMs"] is spent). Returns the median wall time
    per step, the mean CPU time per step of this process (all its threads), its page faults per
    step, k and the samples.
    """
    started = time.perf_counter()
    k = 1
    calls = 0
    while True:
        t0 = time.perf_counter()
        train(k)
        target = max(1, round(timing["sampleMs"] / 1000 * k / max(time.perf_counter() - t0, 1e-9)))
        # Warm-up ends once it has lasted long enough and its last call was about a sample's size.
        sized = 2 * k >= target
        k = min(k * 4, target)
        calls += 1
        if calls >= 2 and sized and (time.perf_counter() - started) * 1000 >= timing["warmupMs"]:
            break
    samples = []
    cpu = 0.0
    faults = 0
    started = time.perf_counter()
    for _ in range(timing["runs"]):
        f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        c0 = time.process_time()
        t0 = time.perf_counter()
        train(k)
        t1 = time.perf_counter()
        cpu += time.process_time() - c0
        faults += resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0
        samples.append((t1 - t0) / k)
        if len(samples) >= timing["minRuns"] and (time.perf_counter() - started) * 1000 > timing["budgetMs"]:
            break
    return {
        "msPerStep": median(samples) * 1000,
        "cpuMsPerStep": cpu / len(samples) / k * 1000,
        "faultsPerStep": faults / len(samples) / k,
        "stepsPerSample": k,
        "samples": len(samples),
    }


class Blas:
    """The BLAS this process has loaded (read from /proc/self/maps), and OpenBLAS's own controls when it is OpenBLAS."""

    def __init__(self):
        self.paths = []
        try:
            with open("/proc/self/maps", encoding="utf-8") as maps:
                for line in maps:
                    path = line.split()[-1] if len(line.split()) >= 6 else ""
                    name = os.path.basename(path).lower()
                    if (".so" in name) and any(k in name for k in ("blas", "lapack", "mkl", "blis", "atlas")) and path not in self.paths:
                        self.paths.append(path)
        except OSError:
            pass
        self.openblas = None
        # The library with OpenBLAS's own entry points: prefer libopenblas itself over the libblas.so.3 that loads it.
        for path in sorted(self.paths, key=lambda p: "openblas" not in os.path.basename(p)):
            try:
                lib = ctypes.CDLL(path)
                lib.openblas_get_config.restype = ctypes.c_char_p
                lib.openblas_get_corename.restype = ctypes.c_char_p
                lib.openblas_get_num_threads.restype = ctypes.c_int
                self.openblas = lib
                break
            except (OSError, AttributeError):
                continue

    def set_threads(self, n):
        if self.openblas is not None:
            self.openblas.openblas_set_num_threads(ctypes.c_int(n))

    def describe(self):
        if self.openblas is not None:
            return {
                "name": self.openblas.openblas_get_config().decode(),
                "core": self.openblas.openblas_get_corename().decode(),
                "threads": self.openblas.openblas_get_num_threads(),
                "paths": self.paths,
            }
        return {"name": "not OpenBLAS" if self.paths else "none found", "core": None, "threads": None, "paths": self.paths}


def interpreter():
    return {"executable": sys.executable, "python": platform.python_version()}


def reply(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()
