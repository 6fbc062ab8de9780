"""Document rendering benchmark (issue: official documents). Run on demand, prints figures:

    make demo && .venv/bin/python -m bench.documents

Uses the embedded database of `make run` (demo data). Measures, in one warm process:
- one Báo cáo thành tích (Mẫu 08), laid out and written (target ≤ 0.3 s);
- a 50-nominee dossier merged into one PDF (Tờ trình, Biên bản, 50 Báo cáo; target ≤ 5 s), against the
  same 52 parts written as separate PDFs;
- a stored re-download through the download view (target ≤ 50 ms);
- LibreOffice converting the same 52 parts from HTML, for comparison (a row says so when `soffice` is
  not installed).
Page counts are those of the PDFs rendered, counted with pypdf.
"""
import io
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from core.pdf import render_documents, render_html, render_pdf  # noqa: E402
from documents import services  # noqa: E402
from dossiers.documents import bao_cao, bien_ban, to_trinh  # noqa: E402
from dossiers.models import Dossier, Nomination  # noqa: E402


def timed(function, repeat=5):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), result


def main():
    nomination = Nomination.objects.select_related("dossier").filter(report__isnull=False).first()
    if nomination is None:
        raise SystemExit("Không có dữ liệu mẫu: chạy `make demo` trước.")
    dossier = nomination.dossier
    report = bao_cao(nomination)
    render_pdf("documents/bao_cao.html", report)  # warm the worker: fonts, stylesheet
    median, worst, pdf = timed(lambda: render_pdf("documents/bao_cao.html", report))
    print(f"Mẫu 08, {page_count(pdf)} trang ({len(pdf) // 1024} KB): trung vị {median:.3f} s, "
          f"chậm nhất {worst:.3f} s (mục tiêu ≤ 0,3 s)")

    parts = [("documents/to_trinh.html", to_trinh(dossier))]
    if dossier.meeting_id:
        parts.append(("documents/bien_ban.html", bien_ban(dossier.meeting)))
    for index in range(50):
        parts.append(("documents/bao_cao.html", {**report, "name": f"{report['name']} {index + 1}"}))
    median, worst, merged = timed(lambda: render_documents(parts), repeat=3)
    pages = page_count(merged)
    print(f"Hồ sơ 50 người gộp một tệp ({len(parts)} phần, {pages} trang, {len(merged) // 1024} KB): "
          f"trung vị {median:.2f} s, chậm nhất {worst:.2f} s, {median / pages * 1000:.0f} ms/trang "
          f"(mục tiêu ≤ 5 s cho hồ sơ 50 người)")
    separate, _, _ = timed(lambda: [render_pdf(t, c) for t, c in parts], repeat=1)
    print(f"  cùng nội dung, {len(parts)} tệp riêng: {separate:.2f} s")

    setup_test_environment()
    document = services.current("bao_cao", nomination)
    services.render(document.pk)
    client = Client()
    staff = Dossier.objects.filter(pk=dossier.pk).first().organisation.memberships.select_related("user").first()
    client.force_login(staff.user)
    url = f"/van-ban/{document.pk}/tai-ve/"

    def download():
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return b"".join(response.streaming_content)

    download()
    times = [timed(download, repeat=1)[0] for _ in range(50)]
    print(f"Tải lại tệp đã lưu (50 lần): trung vị {statistics.median(times) * 1000:.1f} ms, "
          f"p95 {sorted(times)[47] * 1000:.1f} ms (mục tiêu ≤ 50 ms)")

    libreoffice_row(parts)


def page_count(pdf):
    """The pages of a rendered PDF (bytes), counted, not assumed."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def libreoffice_row(parts):
    """LibreOffice converting the same parts from HTML, for comparison; a row saying why when it cannot."""
    label = f"LibreOffice, {len(parts)} tệp HTML trong một lệnh"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print(f"{label}: không đo — không có soffice/libreoffice trên máy này (PATH)")
        return
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index, (template, context) in enumerate(parts):
            path = Path(folder) / f"{index:02d}.html"
            path.write_text(render_html(template, context), encoding="utf-8")
            files.append(path)
        start = time.perf_counter()
        done = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, *map(str, files)],
                              capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        written = [path.with_suffix(".pdf") for path in files if path.with_suffix(".pdf").exists()]
        if done.returncode or not written:
            error = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"mã thoát {done.returncode}"]
            print(f"{label}: lỗi sau {elapsed:.2f} s, {len(written)}/{len(files)} tệp PDF — {error[0]}")
            return
        pages = sum(page_count(path.read_bytes()) for path in written)
        print(f"{label}: {elapsed:.2f} s, {len(written)}/{len(files)} tệp PDF, {pages} trang")

if __name__ == "__main__":
    main()
