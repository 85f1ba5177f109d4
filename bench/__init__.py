"""`make bench`: side-by-side measurements on a database of its own (see README, "Benchmark").

    python -m bench [--quick] [--output bench/results.json]

Every measure is timed next to a bare baseline in the same run; the table shows both and
their ratio against the target. Nothing here is part of the portal: `bench.settings` and
`bench.urls` exist only for the benchmark's own gunicorn.
"""
