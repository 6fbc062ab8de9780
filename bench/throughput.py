"""Throughput of the portal as deployed (issue 7): gunicorn with 3 sync workers on the loopback, loaded by
locust for a bounded time with logged-in reviewers reading a dossier page:

    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_bench SECRET_KEY=x HTTPS=0 \\
        .venv/bin/python -m bench.throughput [--seconds 60] [--users 30] [--workers 3] [--port 8021] \\
        [--url /ho-so/<pk>/]

Target: ≥ 150 requests/s with no error, on the 2-core machine that also runs the load generator.

1. The page: by default the typical dossier page of `bench.pages` ("Trang hồ sơ (8 người)"), as the
   province's standing office (`bench.vanphong`). A response counts only when it is an HTTP 200 whose body
   holds the page's marker (the nominee card's title with the number of nominees); a redirect (to the login
   page) is a failure.
2. The session: made here with the test Client's `force_login` (no login form, so django-axes' login
   throttling never sees it), read from the settings' SESSION_COOKIE_NAME and sent by locust as a Cookie
   header (so a Secure cookie makes no difference); deleted at the end.
3. The server: `gunicorn portal.wsgi:application --workers 3` (sync workers, as deploy/systemd/portal-web.service,
   access log to a file) bound to 127.0.0.1:<port>, with ALLOWED_HOSTS=127.0.0.1 and the rest of this
   process's environment; DEBUG must be off. The bench waits until it answers the page, warms it up, then:
4. The load: one locust process (bench/locustfile.py, FastHttpUser, no wait between requests) with `--users`
   users all started within a second; the statistics are reset once they all run (`--reset-stats`), so the
   figures are the steady state. gunicorn and locust are stopped at the end, on Ctrl-C and on errors alike.

The CPU time of gunicorn, locust, PostgreSQL and everything else during the run is printed too: the load
generator competes with the server for the 2 cores, and a busy machine shows up there.
"""
import argparse
import csv
import http.client
import json
import logging
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import common
from bench.common import machine_line, require_postgresql

# isort: split
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.base import SessionBase
from django.test import Client
from django.urls import Resolver404, resolve

from dossiers.models import Dossier

BASE_DIR = Path(__file__).resolve().parent.parent
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
TARGET_RPS = 150
WARM_UP = 5  # requests per worker before the load, after the first good answer


class Interrupted(Exception):
    pass


def _on_sigterm(signum, frame):
    raise Interrupted()


def default_url(reviewer):
    from bench.pages import choose_pages

    page = next(p for p in choose_pages(reviewer) if p["label"].startswith("Trang hồ sơ ("))
    return page["url"], page["label"]


def marker_for(url):
    """The text a good response holds: the nominee card's title of the dossier page, with its count."""
    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return None
    if match.view_name != "dossiers:dossier_detail":
        return None
    dossier = Dossier.objects.get(pk=match.kwargs["pk"])
    return f"Người, tập thể được đề nghị ({dossier.nominations.count()})"


def session_cookie(user):
    logging.getLogger("axes").setLevel(logging.WARNING)  # no "AXES: Successful login" lines
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def delete_session(key):
    from importlib import import_module

    store: SessionBase = import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)
    store.delete()


def extra_headers():
    """Headers the reverse proxy would add: with HTTPS on, X-Forwarded-Proto so no redirect to https://."""
    if not getattr(settings, "SECURE_SSL_REDIRECT", False):
        return {}
    proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if not proxy:
        sys.exit("HTTPS bật mà không có SECURE_PROXY_SSL_HEADER: mọi yêu cầu HTTP sẽ bị chuyển sang https://. "
                 "Đặt HTTPS=0.")
    name = proxy[0].removeprefix("HTTP_").replace("_", "-").title()
    return {name: proxy[1]}


def port_in_use(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def get(port, url, headers, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", url, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("Location", ""), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def wait_until_ready(server, port, url, headers, marker, log, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn đã dừng (mã {server.returncode}):\n{tail(log)}")
        try:
            status, location, body = get(port, url, headers)
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn không trả lời sau {timeout} s:\n{tail(log)}") from None
            time.sleep(0.2)
            continue
        if status != 200:
            raise RuntimeError(f"{url}: HTTP {status}{' → ' + location if location else ''} (cần 200)\n{tail(log)}")
        if marker and marker not in body:
            raise RuntimeError(f"{url}: HTTP 200 nhưng không có “{marker}”")
        return


def tail(path, lines=20):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop(process, name, sig=signal.SIGTERM, grace=30):
    """Stop a process started in its own session, then anything left of its group."""
    if process is None:
        return
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            print(f"  {name} chưa dừng sau {grace} s: SIGKILL", flush=True)
    try:
        os.killpg(process.pid, signal.SIGKILL)  # workers orphaned by a dead master, if any
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        pass


# --- CPU accounting --------------------------------------------------------------------------------------

def cpu_snapshot(server):
    import psutil

    def seconds(proc):
        try:
            t = proc.cpu_times()
            return t.user + t.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return 0.0

    try:
        master = psutil.Process(server.pid)
        gunicorn = [master, *master.children(recursive=True)]
    except psutil.NoSuchProcess:
        gunicorn = []
    # the backends serving the bench database (gunicorn's workers' connections), not other databases' ones
    database = f" {common.database_name()} "
    postgres = {p.pid: seconds(p) for p in psutil.process_iter(["name", "cmdline"])
                if (p.info["name"] or "").startswith("postgres") and database in " ".join(p.info["cmdline"] or ())}
    machine = psutil.cpu_times()  # guest time is already in user; steal and iowait are not work done here
    busy = sum(getattr(machine, field, 0.0) for field in ("user", "nice", "system", "irq", "softirq"))
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # locust, once it is reaped
    return {"gunicorn": {p.pid: seconds(p) for p in gunicorn}, "postgres": postgres, "machine": busy,
            "self": own.ru_utime + own.ru_stime, "children": children.ru_utime + children.ru_stime,
            "time": time.monotonic()}


def cpu_delta(before, after):
    def per_pid(key):
        return sum(v - before[key].get(pid, 0.0) for pid, v in after[key].items())

    result = {"gunicorn": per_pid("gunicorn"), "locust": after["children"] - before["children"],
              "postgres": per_pid("postgres"), "machine": after["machine"] - before["machine"],
              "wall": after["time"] - before["time"], "bench": after["self"] - before["self"]}
    result["other"] = max(0.0, result["machine"] - result["gunicorn"] - result["locust"] - result["postgres"]
                          - result["bench"])
    return result


# --- locust's figures ------------------------------------------------------------------------------------

def read_stats(prefix):
    with open(f"{prefix}_stats.csv", newline="") as f:
        rows = {row["Name"]: row for row in csv.DictReader(f)}
    row = rows.get("Aggregated") or next(iter(rows.values()))
    failures = []
    try:
        with open(f"{prefix}_failures.csv", newline="") as f:
            failures = [(r["Error"], int(r["Occurrences"])) for r in csv.DictReader(f)]
    except FileNotFoundError:
        pass

    def number(name):
        try:
            return float(row[name])
        except (KeyError, ValueError):
            return float("nan")

    return {"requests": int(number("Request Count")), "failures": int(number("Failure Count")),
            "rps": number("Requests/s"), "median": number("50%"), "p95": number("95%"), "p99": number("99%"),
            "average": number("Average Response Time"), "max": number("Max Response Time"),
            "size": number("Average Content Size"), "failure_list": failures}


def access_log_statuses(path):
    """Status codes gunicorn wrote in its access log (the whole run, warm-up included)."""
    counts = {}
    for line in Path(path).read_text(errors="replace").splitlines():
        parts = line.split('" ')
        if len(parts) >= 2 and parts[1][:3].isdigit():
            counts[parts[1][:3]] = counts.get(parts[1][:3], 0) + 1
    return counts


# --- the run ---------------------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description="Thông lượng: gunicorn + locust, trang hồ sơ, cán bộ đã đăng nhập.")
    parser.add_argument("--seconds", type=int, default=60, help="thời gian tải (giây)")
    parser.add_argument("--users", type=int, default=30, help="số người dùng locust đồng thời")
    parser.add_argument("--spawn-rate", type=float, help="người dùng khởi động mỗi giây (mặc định: tất cả trong 1 s)")
    parser.add_argument("--workers", type=int, default=3, help="số worker gunicorn (sync)")
    parser.add_argument("--port", type=int, default=8021)
    parser.add_argument("--url", help="trang được tải (mặc định: trang hồ sơ 8 người của bench.pages)")
    parser.add_argument("--marker", help="chuỗi phải có trong trang (mặc định: tiêu đề danh sách người được đề nghị)")
    args = parser.parse_args(argv)
    require_postgresql()
    if settings.DEBUG:
        sys.exit("DEBUG đang bật: đo thông lượng với DEBUG=0 (mặc định khi có DATABASE_URL).")
    if port_in_use(args.port):
        sys.exit(f"Cổng {args.port} đang có tiến trình khác nghe: chọn --port khác.")

    reviewer = get_user_model().objects.get(username=common.PROVINCE_REVIEWER)
    label = args.url
    url = args.url
    if not url:
        print("Chọn trang như bench.pages…", flush=True)
        url, label = default_url(reviewer)
    marker = args.marker if args.marker is not None else marker_for(url)
    if marker is None:
        sys.exit(f"{url} không phải trang hồ sơ: cho --marker (chuỗi mà trang đúng phải có).")
    headers = extra_headers()
    key = session_cookie(reviewer)
    headers["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={key}"

    print(machine_line())
    print(f"trang: {label} — {url} (kiểm tra: “{marker}”)")
    print(f"gunicorn {args.workers} worker sync @ 127.0.0.1:{args.port}; locust 1 tiến trình, FastHttpUser, "
          f"{args.users} người dùng, không nghỉ giữa các yêu cầu, {args.seconds} s\n", flush=True)

    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    # Ctrl-C stops the run cleanly even when a shell started it in the background (SIGINT ignored then)
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    workdir = tempfile.mkdtemp(prefix="bench-throughput-")
    server = locust = None
    interrupted = False
    try:
        server = start_gunicorn(args, workdir)
        wait_until_ready(server, args.port, url, headers, marker, f"{workdir}/gunicorn.log")
        for _ in range(WARM_UP * args.workers):  # every worker: templates compiled, database connection open
            get(args.port, url, headers)
        print(f"  gunicorn sẵn sàng (pid {server.pid}); chạy locust {args.seconds} s…", flush=True)
        before = cpu_snapshot(server)
        locust = start_locust(args, url, headers, marker, workdir)
        try:
            locust.wait(args.seconds + 60)
        except subprocess.TimeoutExpired:
            print("  locust chưa dừng sau thời gian đặt + 60 s: dừng nó", flush=True)
            stop(locust, "locust", signal.SIGINT, grace=15)
        after = cpu_snapshot(server)
        load_after = os.getloadavg()
        stats = read_stats(f"{workdir}/locust")
    except (KeyboardInterrupt, Interrupted):
        interrupted = True
        print("\nĐã ngắt: dừng locust và gunicorn…", flush=True)
    except RuntimeError as error:
        print(f"LỖI: {error}", file=sys.stderr)
        interrupted = True
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not leave gunicorn running
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(locust, "locust", signal.SIGINT, grace=15)
        stop(server, "gunicorn", signal.SIGTERM, grace=35)
        delete_session(key)
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    if interrupted:
        print(f"(nhật ký: {workdir})")
        sys.exit(1)

    report(args, stats, cpu_delta(before, after), load_after, workdir, locust.returncode)


def start_gunicorn(args, workdir):
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--workers", str(args.workers),
               "--worker-class", "sync", "--bind", f"127.0.0.1:{args.port}", "--timeout", "60",
               "--no-control-socket",  # gunicorn ≥ 24 otherwise shares ~/.gunicorn/gunicorn.ctl with any other one
               "--access-logfile", f"{workdir}/access.log", "--error-logfile", f"{workdir}/gunicorn.log"]
    return subprocess.Popen(command, cwd=BASE_DIR, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=open(f"{workdir}/gunicorn.err", "w"))


def start_locust(args, url, headers, marker, workdir):
    env = {**os.environ, "BENCH_URL": url, "BENCH_MARKER": marker, "BENCH_HEADERS": json.dumps(headers)}
    rate = args.spawn_rate or args.users
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "-u", str(args.users),
               "-r", str(rate), "-t", f"{args.seconds}s", "--host", f"http://127.0.0.1:{args.port}",
               "--csv", f"{workdir}/locust", "--reset-stats", "--only-summary", "--stop-timeout", "5",
               "--logfile", f"{workdir}/locust.log"]
    return subprocess.Popen(command, cwd=BASE_DIR, env=env, start_new_session=True,
                            stdout=open(f"{workdir}/locust.out", "w"), stderr=subprocess.STDOUT)


def report(args, stats, cpu, load_after, workdir, locust_code):
    ok = stats["requests"] - stats["failures"]
    print()
    print(f"  yêu cầu                  {stats['requests']:>10}")
    print(f"  yêu cầu/giây             {stats['rps']:>10.1f}   (mục tiêu ≥ {TARGET_RPS})")
    print(f"  lỗi                      {stats['failures']:>10}   ({ok} đạt: HTTP 200 đúng nội dung)")
    print(f"  thời gian đáp trung vị   {stats['median']:>8.0f} ms")
    print(f"  thời gian đáp p95        {stats['p95']:>8.0f} ms   (p99 {stats['p99']:.0f} ms, "
          f"tối đa {stats['max']:.0f} ms; trang {stats['size'] / 1024:.0f} KB)")
    for error, count in stats["failure_list"][:5]:
        print(f"    lỗi: {error} × {count}")
    statuses = access_log_statuses(f"{workdir}/access.log")
    print(f"  nhật ký gunicorn: {', '.join(f'HTTP {k} × {v}' for k, v in sorted(statuses.items()))} "
          "(cả lượt khởi động)")
    cores = os.cpu_count() or 1
    print(f"\n  CPU trong {cpu['wall']:.0f} s ({cores} lõi = {cores * cpu['wall']:.0f} s CPU): gunicorn "
          f"{cpu['gunicorn']:.1f} s, locust {cpu['locust']:.1f} s, PostgreSQL {cpu['postgres']:.1f} s, "
          f"tiến trình khác {cpu['other']:.1f} s")
    # requests gunicorn served while the CPU was counted: all of the access log but the warm-up
    served = sum(statuses.values()) - 1 - WARM_UP * args.workers
    if served > 0:
        per = {name: cpu[name] / served * 1000 for name in ("gunicorn", "postgres", "locust")}
        ceiling = cores * 1000 / sum(per.values())
        print(f"  CPU mỗi yêu cầu ({served} yêu cầu): gunicorn {per['gunicorn']:.1f} ms + PostgreSQL "
              f"{per['postgres']:.1f} ms + locust {per['locust']:.1f} ms → trần ước tính trên {cores} lõi rảnh "
              f"≈ {ceiling:.0f} yêu cầu/giây")
    print(f"  tải trung bình lúc kết thúc: {load_after[0]:.2f} / {load_after[1]:.2f} / {load_after[2]:.2f}")
    warnings = [line for line in Path(f"{workdir}/locust.log").read_text(errors="replace").splitlines()
                if "CPU usage" in line]
    if warnings:
        print(f"  locust cảnh báo CPU của nó quá 90 % ({len(warnings)} lần): con số bị giới hạn bởi bộ tạo tải")
    verdict = "đạt" if stats["rps"] >= TARGET_RPS and stats["failures"] == 0 and stats["requests"] else "TRƯỢT"
    print(f"\n{verdict}: {stats['rps']:.1f} yêu cầu/giây, {stats['failures']} lỗi "
          f"(mục tiêu ≥ {TARGET_RPS}/giây, 0 lỗi); nhật ký: {workdir}")
    if locust_code not in (0, 1):  # 1: some requests failed
        print(f"locust kết thúc với mã {locust_code}: xem {workdir}/locust.out", file=sys.stderr)


if __name__ == "__main__":
    main()
