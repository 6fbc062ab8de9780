"""Process settings for serving requests (gunicorn workers; the page benchmarks run the same way).

Python's cyclic garbage collector walks every tracked object of the process on its oldest generation's
runs; once Django, the URL map, the templates and the apps are loaded, those are tens of thousands of
objects that never die. A big page (a dossier with ~90 nominees builds ~600 model instances) would trigger
such a run every few requests: ~60 ms at the p95 of the 86-nominee dossier page (docs/performance.md §4).
`freeze()` moves what exists at start-up out of the collector's sight, and a larger first threshold makes
young collections rarer; cyclic garbage is still collected.
"""
import gc

FIRST_GENERATION_THRESHOLD = 50_000


def tune_garbage_collector():
    gc.collect()
    gc.freeze()
    _, second, third = gc.get_threshold()
    gc.set_threshold(FIRST_GENERATION_THRESHOLD, second, third)
