"""One daily reminder run over every unit of the province data set (issue 7: ≤ 10 s):

    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_bench SECRET_KEY=x HTTPS=0 \\
        .venv/bin/python -m bench.reminders [--emails eager|queued] [--profile]

It calls `dossiers.services.reminders.send_due(day)` — what the 07:00 beat task and
`manage.py send_reminders` call — on the data set's reminder day (bench.generate.REMINDER_DAY), when the
launched campaigns' rules are due: "3 days before" to the clerks of every unit that has not sent (the
province's annual campaign reaches every unit; the Sở GD&ĐT and Sở Y tế campaigns their schools and
hospitals again) and "after the deadline" to the issuing office (one digest per campaign listing its late
units). E-mail goes to Django's locmem backend.

--emails eager (default): Celery runs in-process, so the run includes rendering and "sending" every
    e-mail copy, as the embedded mode or a worker on the same 2 cores would;
--emails queued: the e-mail tasks only go to an in-memory broker, as in production where the worker
    sends them later: the time of the beat task alone.
--profile: run once more under cProfile and print where the time goes (our code and the SQL by shape).

The Reminder and notification rows the run writes are deleted before (and after) it, so it can be
repeated; that only happens on a database whose name contains "bench".
"""
import argparse
import cProfile
import io
import logging
import pstats
import re
import time
from collections import Counter, deque

from bench.common import database_name, machine_line, require_postgresql
from bench.generate import REMINDER_DAY

# isort: split
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from dossiers.models import Reminder
from dossiers.services import reminders
from notifications.models import Notification
from orgs.models import Organisation
from portal.celery import app as celery_app


def clean():
    if "bench" not in database_name():
        raise SystemExit(f"Bench này xóa các lời nhắc đã gửi: chỉ chạy trên CSDL tên chứa “bench” "
                         f"(đây là “{database_name()}”).")
    ids = list(Reminder.objects.values_list("notification_id", flat=True))
    Reminder.objects.all().delete()
    Notification.objects.filter(pk__in=[i for i in ids if i]).delete()
    Notification.objects.filter(template="deadline-reminder").delete()


def run_once(day):
    mail.outbox = []
    start = time.perf_counter()
    sent = reminders.send_due(day)
    return time.perf_counter() - start, sent, len(mail.outbox)


def sql_shape(sql):
    """A query with its literals blanked, to group the queries a run makes by shape."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+\b", "?", sql)
    sql = re.sub(r"\((?:\?, )+\?\)", "(…)", sql)
    return sql


def profile(day):
    clean()
    connection.queries_log = deque(maxlen=1_000_000)  # Django keeps the last 9,000 only
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profiler.enable()
        elapsed, sent, emails = run_once(day)
        profiler.disable()
    print(f"\nChạy lại dưới cProfile + ghi truy vấn: {elapsed:.1f} s (chậm hơn vì đo), {sent} lời nhắc, "
          f"{emails} thư, {len(queries)} truy vấn SQL ({len(queries) / max(sent, 1):.1f} mỗi lời nhắc)")
    sql_time = sum(float(q["time"]) for q in queries.captured_queries)
    print(f"  thời gian trong SQL (theo Django): {sql_time:.1f} s")
    shapes = Counter()
    shape_time = Counter()
    for q in queries.captured_queries:
        shape = sql_shape(q["sql"])
        shapes[shape] += 1
        shape_time[shape] += float(q["time"])
    print("\n  Truy vấn theo dạng (nhiều nhất):")
    for shape, count in shapes.most_common(12):
        print(f"  {count:>7} × {shape_time[shape]:6.2f} s  {shape[:150]}")
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).sort_stats("cumulative")
    stats.print_stats(r"(dossiers|notifications|core|orgs|campaigns)/(?!.*migrations)", 30)
    print("\n  Hàm của dự án theo thời gian tích lũy (cProfile):")
    print("\n".join("  " + line for line in stream.getvalue().splitlines()[6:]))
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(15)
    print("\n  Hàm tốn thời gian tự thân nhất (mọi thư viện):")
    print("\n".join("  " + line for line in stream.getvalue().splitlines()[6:]))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Một lần nhắc hạn trên toàn bộ đơn vị (quy mô tỉnh).")
    parser.add_argument("--emails", choices=["eager", "queued"], default="eager")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--day", help="ngày chạy (yyyy-mm-dd), mặc định ngày nhắc của bộ dữ liệu")
    args = parser.parse_args(argv)
    require_postgresql()
    from datetime import date

    day = date.fromisoformat(args.day) if args.day else REMINDER_DAY
    logging.getLogger("celery.app.trace").setLevel(logging.WARNING)  # one INFO line per eager task
    celery_app.conf.task_always_eager = args.emails == "eager"
    if args.emails == "queued":
        celery_app.conf.broker_url = "memory://"
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        print(machine_line())
        units = Organisation.objects.current(day).count()
        rules = [(r, reminders.rule_due_date(r, r.campaign.dossier_deadline, day))
                 for r in reminders.ReminderRule.objects.filter(is_active=True, campaign__status="launched")
                 .select_related("campaign")]
        due = [(r, d) for r, d in rules if d is not None]
        print(f"Ngày {day:%d/%m/%Y}: {len(due)} quy tắc đến hạn trên {len(rules)} quy tắc của các phong trào "
              f"đang phát động; {units} đơn vị đang hoạt động; e-mail: {args.emails}")
        for rule, _ in due:
            print(f"  - {rule.get_kind_display()} → {rule.get_audience_display()}: {rule.campaign.title[:70]} "
                  f"(hạn {rule.campaign.dossier_deadline:%d/%m/%Y})")
        clean()
        elapsed, sent, emails = run_once(day)
        notifications = Notification.objects.filter(template="deadline-reminder").count()
        print(f"\nMột lần nhắc: {elapsed:.2f} s, {sent} lời nhắc (Reminder), {notifications} thông báo, "
              f"{emails} thư điện tử — mục tiêu ≤ 10 s: {'đạt' if elapsed <= 10 else 'TRƯỢT'}")
        if sent:
            print(f"  {elapsed / sent * 1000:.1f} ms mỗi lời nhắc")
        again = time.perf_counter()
        second = reminders.send_due(day)
        print(f"Chạy lại cùng ngày: {time.perf_counter() - again:.2f} s, {second} lời nhắc (phải là 0)")
        if args.profile:
            profile(day)
        clean()


if __name__ == "__main__":
    main()
