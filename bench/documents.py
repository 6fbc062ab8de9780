"""Document rendering benchmark (official documents; issue 14: printing at least as fast as Word). On demand:

    make demo && .venv/bin/python -m bench.documents [--repeat 5] [--only quyet_dinh] [--keep DIR]
    .venv/bin/python -m bench.documents --profile [--rows 300] [--css "table.list td { border: none }"]
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_sorted \\
        .venv/bin/python -m bench.documents --instructions --rows 100 [--css "…"]   # instructions of one render

Uses the embedded database of `make run` (demo data). Measures:

1. in one warm process (the figures of the first documents round): one Báo cáo thành tích (Mẫu 08, target
   ≤ 0.3 s); a 50-nominee dossier merged into one PDF (Tờ trình, Biên bản, 50 Báo cáo; target ≤ 5 s) against
   the same parts as separate PDFs; a stored re-download through the download view (target ≤ 50 ms);
2. against LibreOffice, whole processes, when `soffice` is installed (a line says so otherwise), for three
   documents: a Quyết định with a 300-row list (a decision of the demo data given, in memory only, a
   snapshot of 300 awardees with long Vietnamese names and units: `decision_with_list`), one Mẫu 08 and the
   50-nominee dossier (Tờ trình and 50 Báo cáo: the Biên bản has no Word copy, so it is left out on both
   sides). Each side starts from what it is given in production: the portal from the document's frozen
   JSON context (a `python -c` process: Django set-up, template, WeasyPrint layout, PDF written), LibreOffice
   from the portal's own .docx of that same context (`soffice --headless --convert-to pdf`, one command for
   all files of the dossier, on a profile created once before timing). The runs alternate (portal,
   LibreOffice, portal…) so that a busy machine slows both alike. "warm" is the portal rendering the same
   context again in this process (a Celery worker after its first document). Ratios are portal ÷
   LibreOffice: below 1.0 the portal is faster.

`--profile` splits a warm render of the Quyết định into its phases and prints cProfile's heaviest functions;
`--instructions` renders it once inside `sorted()` so that callgrind counts that render alone: on a busy
2-core machine wall times of one change drift by ±10 %, an instruction count does not (docs/performance.md,
section 10). `--css` applies a rule after print.css, to measure a lever without editing the file.

Page counts are those of the PDFs written, counted with pypdf. `--keep DIR` leaves the PDFs and .docx files
there (e.g. `pdftoppm -png -r 60 DIR/quyet_dinh.pdf page` to look at them).
"""
import argparse
import cProfile
import io
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from bench import names  # noqa: E402
from core.pdf import render_documents, render_html, render_pdf  # noqa: E402
from documents import services  # noqa: E402
from documents.registry import kind  # noqa: E402
from dossiers.documents import bao_cao, bien_ban, quyet_dinh, to_trinh  # noqa: E402
from dossiers.models import Decision, Dossier, Nomination  # noqa: E402

LIST_ROWS = 300

# The child process of a cold render: what a fresh worker does with a frozen context, nothing more.
COLD_RENDER = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
import django
django.setup()
from core.pdf import render_documents, render_pdf
parts = json.loads(open(sys.argv[1], encoding="utf-8").read())
pdf = render_pdf(*parts[0]) if len(parts) == 1 else render_documents(parts)
open(sys.argv[2], "wb").write(pdf)
"""


def timed(function, repeat=5):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), result


def page_count(pdf):
    """The pages of a rendered PDF (bytes), counted, not assumed."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def load_line():
    load = os.getloadavg()
    return f"{os.cpu_count()} lõi, tải trung bình {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1/5/15 phút)"


# --- fixtures ----------------------------------------------------------------------------------------
def demo_objects():
    nomination = Nomination.objects.select_related("dossier").filter(report__isnull=False).first()
    decision = Decision.objects.select_related("issuer").order_by("pk").first()
    if nomination is None or decision is None:
        raise SystemExit("Không có dữ liệu mẫu: chạy `make demo` trước.")
    return nomination, decision


def _weighted(rng, pairs):
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


def awardees(count, *, seed=14):
    """`count` rows shaped like `decision_snapshot`'s: nine in ten people (long names, positions, units of
    a province's Sở, hospitals and schools), one in ten collectives, all given one Bằng khen."""
    rng = random.Random(seed)
    form, amount = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 2_340_000
    units = [phong for _, _, phongs, _ in names.CURRENT_SO for phong in phongs]
    units += [name for _, _, _, extra in names.CURRENT_SO for _, name, _ in extra]
    units += [f"Trường Trung học phổ thông {district} {n}" for _, district in names.DISTRICTS[:8] for n in (1, 2)]
    units += [f"Trung tâm Y tế {kind_} {district}" for kind_, district in names.DISTRICTS[4:14]]
    rows = []
    for number in range(count):
        unit = rng.choice(units)
        if number % 10 == 9:
            rows.append({"award": number + 1, "name": unit, "subject_type": "collective", "position": "",
                         "unit": unit, "award_form": form, "category": "commendation", "bonus": 2 * amount,
                         "bonus_note": ""})
            continue
        female = rng.random() < 0.55
        name = " ".join((_weighted(rng, names.FAMILY_NAMES),
                         _weighted(rng, names.FEMALE_MIDDLE if female else names.MALE_MIDDLE),
                         _weighted(rng, names.FEMALE_GIVEN if female else names.MALE_GIVEN)))
        area = "health" if ("Bệnh viện" in unit or "Y tế" in unit or "bệnh tật" in unit) else (
            "school" if unit.startswith("Trường") else "office")
        rows.append({"award": number + 1, "name": name, "subject_type": "individual",
                     "position": _weighted(rng, names.POSITIONS[area]), "unit": unit, "award_form": form,
                     "category": "commendation", "bonus": amount, "bonus_note": ""})
    return rows


def decision_with_list(decision, count=LIST_ROWS):
    """The demo's decision with a snapshot of `count` awardees, in memory only (never saved)."""
    rows = awardees(count)
    individuals = sum(1 for row in rows if row["subject_type"] == "individual")
    collectives = len(rows) - individuals
    decision.snapshot = {
        **(decision.snapshot or {}), "awardees": rows, "individuals": individuals, "collectives": collectives,
        "groups": [{"award_form": rows[0]["award_form"], "category": "commendation", "individuals": individuals,
                    "collectives": collectives}],
        "title_bonus_basis": [], "total_bonus": sum(row["bonus"] for row in rows),
    }
    decision.title = ("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể, cá nhân có "
                      "thành tích xuất sắc trong phong trào thi đua năm 2025")
    return decision


def cases(nomination, decision, rows=LIST_ROWS):
    """{name: (label, [(template, context)])}: the parts the portal renders; their Word copies are the same
    content for LibreOffice."""
    report = bao_cao(nomination)
    reports = [{**report, "name": f"{report['name']} {index + 1}"} for index in range(50)]
    return {
        "quyet_dinh": (f"Quyết định, danh sách {rows} người",
                       [("documents/quyet_dinh.html", quyet_dinh(decision_with_list(decision, rows)))]),
        "bao_cao": ("Báo cáo thành tích (Mẫu 08)", [("documents/bao_cao.html", report)]),
        "ho_so": ("Hồ sơ 50 người (Tờ trình + 50 Báo cáo)",
                  [("documents/to_trinh.html", to_trinh(nomination.dossier))]
                  + [("documents/bao_cao.html", context) for context in reports]),
    }


def docx_files(parts):
    """The portal's Word copy of each part, built from the same context (dossiers/docx.py)."""
    return [kind(Path(template).stem).docx(context) for template, context in parts]


# --- 1. in one warm process ---------------------------------------------------------------------------
def warm_figures(nomination):
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


# --- 2. against LibreOffice, whole processes ---------------------------------------------------------------
def soffice_path():
    return shutil.which("soffice") or shutil.which("libreoffice")


def run(command, **kwargs):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{command[0]} thoát với mã {done.returncode}: {(done.stderr or done.stdout).strip()[-500:]}")
    return elapsed


def compare(selected, repeat, keep):
    soffice = soffice_path()
    if not soffice:
        print("So với LibreOffice: không đo — không có soffice/libreoffice trên máy này (PATH). "
              "Cài: apt-get install -y libreoffice-writer-nogui")
        return
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="bench-documents-"))
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "lo-profile"
    lo_base = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf"]
    print(f"\nSo với LibreOffice ({version}), cả tiến trình, {repeat} lần mỗi bên xen kẽ; máy: {load_line()}")
    results = []
    try:
        jobs = []
        for name, (label, parts) in selected.items():
            context_file = folder / f"{name}.json"
            context_file.write_text(json.dumps(parts, ensure_ascii=False), encoding="utf-8")
            docx_dir = folder / f"{name}-docx"
            docx_dir.mkdir(exist_ok=True)
            docx = []
            for index, content in enumerate(docx_files(parts)):
                path = docx_dir / f"{index:02d}.docx"
                path.write_bytes(content)
                docx.append(path)
            lo_out = folder / f"{name}-libreoffice"
            lo_out.mkdir(exist_ok=True)
            jobs.append((name, label, parts, context_file, docx, lo_out))
        # LibreOffice's first start creates its profile (~seconds): done once, not timed
        first = run([*lo_base, "--outdir", str(jobs[0][5]), str(jobs[0][4][0])])
        print(f"  (LibreOffice lần đầu, tạo hồ sơ người dùng: {first:.2f} s, không tính)")
        for name, label, parts, context_file, docx, lo_out in jobs:
            out = folder / f"{name}.pdf"
            cold, libre = [], []
            for _ in range(repeat):
                cold.append(run([sys.executable, "-c", COLD_RENDER, str(context_file), str(out)],
                                cwd=settings.BASE_DIR))
                for stale in lo_out.glob("*.pdf"):
                    stale.unlink()
                libre.append(run([*lo_base, "--outdir", str(lo_out), *map(str, docx)]))
            written = [lo_out / f"{path.stem}.pdf" for path in docx]
            if missing := [path.name for path in written if not path.exists()]:
                raise SystemExit(f"LibreOffice không viết {', '.join(missing)} ({label})")
            portal_pages = page_count(out.read_bytes())
            lo_pages = sum(page_count(path.read_bytes()) for path in written)
            render = (lambda p=parts: render_pdf(*p[0])) if len(parts) == 1 else (lambda p=parts: render_documents(p))
            render()
            warm = timed(render, repeat=max(3, repeat))[0]
            row = {"name": name, "label": label, "pages": portal_pages, "lo_pages": lo_pages,
                   "cold": statistics.median(cold), "cold_range": (min(cold), max(cold)), "warm": warm,
                   "libre": statistics.median(libre), "libre_range": (min(libre), max(libre))}
            results.append(row)
            print(f"  {label}: portal {row['cold']:.2f} s ({row['cold_range'][0]:.2f}–{row['cold_range'][1]:.2f}), "
                  f"LibreOffice {row['libre']:.2f} s ({row['libre_range'][0]:.2f}–{row['libre_range'][1]:.2f}), "
                  f"trong tiến trình {warm:.2f} s", flush=True)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    print("\n| văn bản | trang portal / LibreOffice | portal, tiến trình mới | portal, tiến trình đã chạy | "
          "LibreOffice (.docx → pdf) | × LibreOffice (mới) | × LibreOffice (đã chạy) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for row in results:
        print(f"| {row['label']} | {row['pages']} / {row['lo_pages']} | {row['cold']:.2f} s | {row['warm']:.2f} s | "
              f"{row['libre']:.2f} s | {row['cold'] / row['libre']:.2f}× | {row['warm'] / row['libre']:.2f}× |")
    print(f"(trung vị; máy lúc kết thúc: {load_line()})")
    if keep:
        print(f"Tệp PDF, .docx để xem: {folder}")


# --- profile ----------------------------------------------------------------------------------------------
def quyet_dinh_renderer(parts, extra_css=""):
    """The Quyết định's render as core.pdf does it, split in its phases, with `extra_css` (a lever to try:
    "table.list td { border: none }") applied after print.css. Returns render() -> (pdf, {phase: seconds})."""
    from weasyprint import CSS, HTML

    from core.pdf import _fetcher, _stylesheet, base_url, font_config

    template, context = parts[0]
    sheets = [_stylesheet()]
    if extra_css:
        sheets.append(CSS(string=extra_css, url_fetcher=_fetcher(), font_config=font_config()))

    def render():
        times = {}
        start = time.perf_counter()
        html_text = render_html(template, context)
        times["template (Django)"] = time.perf_counter() - start
        start = time.perf_counter()
        html = HTML(string=html_text, base_url=base_url(), url_fetcher=_fetcher())
        times["HTML parse"] = time.perf_counter() - start
        start = time.perf_counter()
        document = html.render(font_config=font_config(), stylesheets=sheets)
        times["style + layout (render)"] = time.perf_counter() - start
        start = time.perf_counter()
        pdf = document.write_pdf()
        times["write_pdf"] = time.perf_counter() - start
        return pdf, times

    return render


def profile_quyet_dinh(parts, rows, extra_css="", top=30):
    """Where the Quyết định's render goes: the phases (median of 3 warm renders), then cProfile's heaviest
    functions (cumulative: WeasyPrint's; own time: all)."""
    render = quyet_dinh_renderer(parts, extra_css)
    render()  # fonts and the stylesheet loaded, as in a worker
    runs = [render() for _ in range(3)]
    pdf = runs[-1][0]
    print(f"Quyết định {rows} dòng: {page_count(pdf)} trang; máy: {load_line()}")
    for phase in runs[0][1]:
        print(f"  {phase:<26} {statistics.median(times[phase] for _, times in runs):.3f} s")
    profiler = cProfile.Profile()
    profiler.enable()
    render()
    profiler.disable()
    stats = pstats.Stats(profiler)
    print("\nCộng dồn (cumulative), các hàm của WeasyPrint:")
    stats.sort_stats("cumulative").print_stats(r"weasyprint", top)
    print("Tự thân (tottime):")
    stats.sort_stats("tottime").print_stats(top)


def instructions_quyet_dinh(parts, extra_css=""):
    """One warm render inside sorted(), for an instruction count that a busy machine does not change:

        valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_sorted \\
            .venv/bin/python -m bench.documents --instructions --rows 100

    callgrind's "Collected" line is then the instructions of that one render (the warm-up is not counted)."""
    render = quyet_dinh_renderer(parts, extra_css)
    render()
    sorted([0], key=lambda _: render())  # the render counted
    print("Đã dựng một lần trong sorted(): xem dòng “Collected” của callgrind.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each side against LibreOffice (default 5)")
    parser.add_argument("--only", choices=["quyet_dinh", "bao_cao", "ho_so"], action="append",
                        help="compare only these documents with LibreOffice (and skip the warm figures)")
    parser.add_argument("--keep", metavar="DIR", help="leave the PDFs, .docx and contexts in DIR")
    parser.add_argument("--rows", type=int, default=LIST_ROWS, help=f"rows of the Quyết định's list ({LIST_ROWS})")
    parser.add_argument("--profile", action="store_true", help="cProfile of the Quyết định, then stop")
    parser.add_argument("--instructions", action="store_true",
                        help="one warm render of the Quyết định inside sorted(), for callgrind (see its docstring)")
    parser.add_argument("--css", default="", help="with --profile/--instructions: CSS applied after print.css")
    args = parser.parse_args()

    nomination, decision = demo_objects()
    all_cases = cases(nomination, decision, rows=args.rows)
    if args.profile:
        profile_quyet_dinh(all_cases["quyet_dinh"][1], args.rows, args.css)
        return
    if args.instructions:
        instructions_quyet_dinh(all_cases["quyet_dinh"][1], args.css)
        return
    if not args.only:
        warm_figures(nomination)
    compare({name: case for name, case in all_cases.items() if not args.only or name in args.only},
            args.repeat, args.keep)


if __name__ == "__main__":
    main()
