"""What the province-scale benchmarks share: Django set-up, the bench accounts, figures.

The data set comes from `python -m bench.generate`; the account names below are the ones it creates.
"""
import os
import statistics
import sys
import time
import warnings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# Pages render {% static %} without a collectstatic manifest (the bench runs from the source tree);
# production looks the name up in the manifest, a dictionary lookup: no difference worth measuring.
os.environ.setdefault("STATICFILES_MANIFEST", "0")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

PASSWORD = "Bench@2025"
SUPERUSER = "bench.superuser"
# The province's standing office (Văn phòng / Thường trực Hội đồng TĐKT) and its leaders: they see every
# dossier sent to any body of the province (a role covers the organisation's whole subtree).
PROVINCE_REVIEWER = "bench.vanphong"
PROVINCE_APPROVER = "bench.lanhdao"
PROVINCE_COUNCIL = "bench.hoidong"
PROVINCE_ADMIN = "bench.quantri"
# The same four roles on the Sở Nội vụ.
SO_REVIEWER = "snv.vanphong"
SO_APPROVER = "snv.lanhdao"
SO_COUNCIL = "snv.hoidong"
SO_ADMIN = "snv.quantri"


def require_postgresql():
    if connection.vendor != "postgresql":
        sys.exit("Các bench này chạy trên PostgreSQL: đặt DATABASE_URL=postgres://… (xem docs/performance.md).")


def database_name():
    return settings.DATABASES["default"]["NAME"]


def percentile(values, fraction):
    """Nearest-rank percentile (p95 of 50 samples is the 48th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def summary_ms(seconds):
    """(median, p95) in milliseconds."""
    return statistics.median(seconds) * 1000, percentile(seconds, 0.95) * 1000


class Stopwatch:
    """Times named steps and prints them as they end."""

    def __init__(self):
        self.steps = []
        self.started = time.perf_counter()

    def step(self, label):
        return _Step(self, label)

    def total(self):
        return time.perf_counter() - self.started


class _Step:
    def __init__(self, watch, label):
        self.watch, self.label, self.extra = watch, label, ""

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        elapsed = time.perf_counter() - self.start
        self.watch.steps.append((self.label, elapsed, self.extra))
        if exc[0] is None:
            print(f"  {self.label:<44} {elapsed:7.2f} s  {self.extra}", flush=True)
        return False


def machine_line():
    load = os.getloadavg()
    return (f"máy: {os.cpu_count()} lõi, tải trung bình {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} "
            f"(1/5/15 phút); CSDL {database_name()}")
