"""Cold start: the wall time of a whole ``roadmap-bot`` process, against ``python -c pass``.

Each round runs every command once, in turn, so the machine's load falls on all of them alike.
A command's figure is its median time over the rounds divided by the baseline's median, with the
spread of the per-round ratios (their quartiles) after it; the same for CPU time (user + system),
which depends less on what else the machine is doing.

Run: python bench/cold_start.py [--rounds 15] [--compare OTHER_CHECKOUT]
(``--compare`` adds the same commands run from another checkout, say main before a change.)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS = {
    "ask": ["-m", "bot", "ask", "what is python"],
    "validate": ["-m", "bot", "validate"],
    "console (one line)": ["-m", "bot", "console"],
}
BASELINE = ["-c", "pass"]


def timed(args: list[str], env: dict[str, str], stdin: str) -> tuple[float, float]:
    """Wall and CPU seconds one process takes from start to exit.

    It runs in the database's folder: ``python -m`` imports from the working directory first.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args],
        input=stdin,
        env=env,
        cwd=Path(env["DATABASE_PATH"]).parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def summary(samples: list[float], baselines: list[float]) -> str:
    """``N.NNx (quartiles of the per-round ratios)``."""
    ratio = statistics.median(samples) / statistics.median(baselines)
    low, _, high = statistics.quantiles([s / b for s, b in zip(samples, baselines, strict=True)])
    return f"{ratio:5.2f}x ({low:.2f}-{high:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--compare", type=Path, help="another checkout to time as well")
    args = parser.parse_args()
    roots = {"": ROOT} | ({" [compared]": args.compare.resolve()} if args.compare else {})
    with tempfile.TemporaryDirectory() as folder:
        base_env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TELEGRAM_"))
        }
        base_env["DATABASE_PATH"] = str(Path(folder) / "db.sqlite3")
        runs = {}
        for index, (suffix, root) in enumerate(roots.items()):
            database = Path(folder) / str(index) / "db.sqlite3"  # one per checkout's schema
            database.parent.mkdir()
            env = {**base_env, "PYTHONPATH": str(root), "DATABASE_PATH": str(database)}
            runs |= {name + suffix: (argv, env) for name, argv in COMMANDS.items()}
        for argv, env in runs.values():  # warm the file cache and compile the bytecode
            timed(argv, env, "/lang go\n")
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        baselines = []
        for _ in range(args.rounds):
            baselines.append(timed(BASELINE, base_env, ""))
            for name, (argv, env) in runs.items():
                times[name].append(timed(argv, env, "/lang go\n"))
    walls, cpus = [w for w, _ in baselines], [c for _, c in baselines]
    print(
        f"baseline `python -c pass`, median over {args.rounds} rounds: "
        f"wall {statistics.median(walls) * 1e3:.0f} ms, CPU {statistics.median(cpus) * 1e3:.0f} ms"
    )
    print(f"{'':<32} {'wall vs baseline':<24} CPU vs baseline")
    for name, samples in times.items():
        wall = summary([w for w, _ in samples], walls)
        cpu = summary([c for _, c in samples], cpus)
        print(f"{name:<32} {wall:<24} {cpu}")


if __name__ == "__main__":
    main()
