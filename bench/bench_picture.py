"""The picture of the path (/progress picture): time to draw one, and its size.

Draws the bundled roadmap's largest checklist (the whole roadmap) with random ticks, the way
learners ask for it: the first picture after start (nothing cached) and then many in a row.
The baseline, measured in the same run, is Pillow saving a plain RGB PNG of the same size with
its default settings (what a straightforward drawing costs before any text or shape), so the
ratio says how the picture compares with that floor on this machine, busy or not. The target:
under 50 ms a picture and under 200 KB. The CPU time is printed too: on a machine shared
with other work the wall-clock time says more about the neighbours than about the picture.
Run: ``python bench/bench_picture.py [--pictures N]``.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from bot import checklist, picture
from bot.knowledge import bundled_knowledge_path, load_knowledge

BUDGET_MS = 50.0
BUDGET_BYTES = 200_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pictures", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    knowledge = load_knowledge(bundled_knowledge_path())
    items = [item.id for item in checklist.items(knowledge, None)]
    rng = random.Random(options.seed)
    ticks = [set(rng.sample(items, rng.randrange(len(items)))) for _ in range(options.pictures)]
    progresses = [checklist.progress(knowledge, None, done) for done in ticks]

    started = time.perf_counter()
    first = picture.draw_path(progresses[0], "Your path: the whole roadmap")
    cold = (time.perf_counter() - started) * 1000
    size = Image.open(io.BytesIO(first)).size

    times, cpu_times, sizes = [], [], []
    for progress in progresses:
        started, cpu_started = time.perf_counter(), time.process_time()
        png = picture.draw_path(progress, "Your path: the whole roadmap")
        cpu_times.append((time.process_time() - cpu_started) * 1000)
        times.append((time.perf_counter() - started) * 1000)
        sizes.append(len(png))

    baseline = []
    blank = Image.new("RGB", size, picture.BACKGROUND)
    for _ in range(max(20, options.pictures // 5)):
        started = time.perf_counter()
        blank.save(io.BytesIO(), "PNG")
        baseline.append((time.perf_counter() - started) * 1000)

    median, base = statistics.median(times), statistics.median(baseline)
    cpu = statistics.median(cpu_times)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"checklist: {len(items)} items in {len(checklist.layout(knowledge, None).sections)} "
        f"sections; picture {size[0]}x{size[1]} px"
    )
    print(f"first picture (nothing cached): {cold:.1f} ms")
    print(
        f"{options.pictures} pictures: median {median:.1f} ms, p95 {p95:.1f} ms "
        f"(CPU time: median {cpu:.1f} ms), largest {max(sizes) / 1000:.0f} KB"
    )
    print(f"baseline (blank RGB PNG of that size, Pillow defaults): median {base:.1f} ms")
    print(f"ratio picture / baseline: {median / base:.2f}")
    print(
        f"budget: median {'OK' if median < BUDGET_MS else 'OVER'} (< {BUDGET_MS:.0f} ms; on a "
        f"busy machine see the CPU time: {'OK' if cpu < BUDGET_MS else 'OVER'}), "
        f"size {'OK' if max(sizes) < BUDGET_BYTES else 'OVER'} (< {BUDGET_BYTES // 1000} KB)"
    )


if __name__ == "__main__":
    main()
