"""Cold start: the first call of candidates, identify, repair and check in a fresh process.

Run from the repository root::

    python benchmarks/bench_cold.py            # writes its section of RESULTS.md
    python benchmarks/bench_cold.py --quick    # one run per call, prints only

Each row starts a new Python process (``python -c``) that imports translit, makes one call
and reports the wall time of the import and of the call (time.perf_counter) and the peak
resident set size of the process (resource.getrusage ru_maxrss, Linux kilobytes).  Each row
is the median of RUNS processes.  The figures are for reporting; nothing here asserts them
(the machine may be shared, so times vary between runs).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._results import machine, write_section  # noqa: E402

RUNS = 5
CALLS = {
    "candidates": 'translit.candidates("Kharkov")',
    "candidates, limit=1": 'translit.candidates("Serhii Zhadan", limit=1)',
    "identify (Latin alone)": 'translit.identify("Zelenskyy")',
    "identify (Latin, Cyrillic)": 'translit.identify("Kharkiv", "Харків")',
    "repair": 'translit.repair("Київська і Kharkівська область")',
    "check": 'translit.check("Зустріч у Kharkov з Sergey Ivanov.")',
}
PROBE = """
import json, resource, time
start = time.perf_counter()
import translit
imported = time.perf_counter()
{call}
done = time.perf_counter()
print(json.dumps({{"import": imported - start, "call": done - imported,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def measure(call: str) -> dict[str, float]:
    """One fresh process: seconds to import, seconds of the first call, peak RSS in MB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROBE.format(call=call)], capture_output=True,
                         text=True, check=True, cwd=ROOT, env=env)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per call; print only")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else RUNS
    lines = ["| first call | import translit (s) | the call (s) | import + call (s) | peak RSS (MB) |",
             "|---|---:|---:|---:|---:|"]
    for label, call in CALLS.items():
        found = [measure(call) for _ in range(runs)]
        imp = statistics.median(f["import"] for f in found)
        first = statistics.median(f["call"] for f in found)
        both = statistics.median(f["import"] + f["call"] for f in found)
        rss = statistics.median(f["rss"] for f in found)
        lines.append(f"| `{call}` ({label}) | {imp:.3f} | {first:.3f} | {both:.3f} | {rss:.0f} |")
        print(lines[-1], flush=True)
    md = "\n".join([
        "## Cold start: the first call in a fresh process",
        "",
        f"Machine: {machine()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
        f"cores; median of {runs} processes per row (`python benchmarks/bench_cold.py`).",
        "",
        *lines,
    ])
    if not args.quick:
        write_section("cold", md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
