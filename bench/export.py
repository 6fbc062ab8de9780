"""Excel export of every nomination of a year (issue 7: ≤ 30 s, ≤ 300 MB peak memory):

    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_bench SECRET_KEY=x HTTPS=0 \\
        .venv/bin/python -m bench.export [--nam 2024]

Asks for the inbox's export (`/hop-thu/xuat-excel/?nam=…&tat_ca=on`) as the province's standing office,
which sees every dossier sent in the province, and builds it in this process as the Celery worker does
(dossiers.exports.build_export: the task's whole work), then prints the time, the rows, the file size and
the process's peak memory (max RSS, so the interpreter and Django are included). The export and its file
are deleted at the end.
"""
import argparse
import io
import resource
import time

from bench.common import PROVINCE_REVIEWER, require_postgresql

# isort: split
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.http import urlencode

from dossiers import exports
from dossiers.enums import SENT_STATES
from dossiers.models import Export, Nomination


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    require_postgresql()
    parser = argparse.ArgumentParser()
    parser.add_argument("--nam", type=int, help="năm nộp hồ sơ (mặc định: năm có nhiều đề nghị nhất)")
    parser.add_argument("--moi-nam", action="store_true", help="mọi năm: toàn bộ đề nghị đã gửi")
    args = parser.parse_args()
    years = (Nomination.objects.filter(dossier__submitted_at__isnull=False, dossier__state__in=SENT_STATES)
             .annotate(y=ExtractYear("dossier__submitted_at")).values("y").annotate(n=Count("pk")).order_by("-n"))
    year = None if args.moi_nam else (args.nam or years[0]["y"])
    expected = sum(row["n"] for row in years if year is None or row["y"] == year)
    params = {"tat_ca": "on", **({"nam": year} if year else {})}
    user = get_user_model().objects.get(username=PROVINCE_REVIEWER)
    export = Export.objects.create(kind=Export.Kind.INBOX_NOMINATIONS, requested_by=user, filename="bench.xlsx",
                                   params=urlencode(params))
    before = peak_mb()
    start = time.perf_counter()
    exports.build_export(export.pk)
    elapsed = time.perf_counter() - start
    export.refresh_from_db()
    size = export.size
    from openpyxl import load_workbook

    with export.file.open("rb") as stored:
        sheet = load_workbook(io.BytesIO(stored.read()), read_only=True)["Danh sách đề nghị"]
    rows = sum(1 for _ in sheet.iter_rows(values_only=True)) - 1  # write-only files carry no dimension
    assert rows == export.rows, (rows, export.rows)
    export.file.delete(save=False)
    export.delete()
    label = "mọi năm" if year is None else f"năm {year}"

    def vn(number, digits=0):  # 134.916 and 7,7 as Vietnamese write them
        return f"{number:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")

    print(f"Xuất Excel {label}: {vn(rows)} dòng (có {vn(expected)} đề nghị đã gửi), {vn(size / 1e6, 1)} MB, "
          f"{vn(elapsed, 1)} s (mục tiêu ≤ 30 s); bộ nhớ đỉnh của tiến trình {vn(peak_mb())} MB "
          f"(trước khi xuất {vn(before)} MB; mục tiêu ≤ 300 MB)")


if __name__ == "__main__":
    main()
