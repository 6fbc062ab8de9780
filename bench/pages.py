"""Server time and query count of the office's pages on the province data set (issue 7), side by side with
the Django admin changelist of the same model over the same data and with the page's main SQL alone:

    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_bench SECRET_KEY=x HTTPS=0 \\
        .venv/bin/python -m bench.pages [--repeat 50] \\
        [--small-db postgres://portal:portal@127.0.0.1:5432/portal_bench_small]

Requests go through Django's test Client in this process (the whole middleware stack, the session and
the template rendering; no network, no gunicorn), logged in with force_login: the pages as the province's
standing office (`bench.vanphong`, reviewer on the UBND tỉnh: it sees every dossier sent to any body of
the province), the admin as the superuser. Each URL is requested 3 times to warm up, then `--repeat`
times; the figures are the median and p95 of those. The query count comes from one more request under
CaptureQueriesContext. "SQL" is the page's main query, rebuilt here the way the view builds it and run
through cursor.execute(*qs.query.sql_with_params()): the floor no page can go under.

The query count must not depend on the number of rows: each page is also counted on a variant showing
few rows, and (with --small-db) on the same pages of a data set ×1/150 (`bench.generate --scale 0.0067`).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench import common
from bench.common import machine_line, require_postgresql, summary_ms

# isort: split
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Exists, OuterRef
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.models import Campaign
from core.text import search_key
from dossiers.enums import SENT_STATES, UNSENT_STATES, DossierState
from dossiers.models import Award, Dossier, Nomination
from dossiers.services import register
from dossiers.services.eligibility import nominations_query
from orgs.models import Person
from portal.serving import tune_garbage_collector

ROOT = Path(__file__).resolve().parents[1]  # the checkout's root, wherever it is: the profile shows its code


def inbox_main_query(user, params):
    """The inbox's page query, as InboxView builds it (filters, the first page's 51 dossiers in order found
    on narrow rows, then their joins and counts of nominees: inbox.inbox_page)."""
    from dossiers.services import inbox

    _form, qs = inbox.filtered_inbox(user, QueryDict(urlencode(params)))
    return inbox.inbox_rows(Dossier.objects.filter(pk__in=qs.order_by(*inbox.ORDER).values("pk")[:51]))


def dossier_main_query(dossier):
    return nominations_query(dossier)


def register_main_query(user, query):
    return register.search(query, user)[:51]


def person_main_query(person):
    return Award.objects.of_person(person).select_related("award_form").order_by("-decision_date", "-pk")


def people_main_query(user, query):
    from core.text import filter_by_search

    qs = Person.objects.for_user(user).select_related("organisation").filter(is_active=True)
    return filter_by_search(qs, query).order_by("search_text", "pk")[:51]


def progress_main_query(campaign):
    """The progress page's first 100 units (+1) in order, as CampaignProgressView finds them (the second
    query, the figures of those units, is reminders.progress_details)."""
    from dossiers.services import reminders

    return reminders.progress_units(campaign)[:101]


def choose_pages(reviewer):
    """The pages of the benchmark, chosen by rules (the same on any data set made by bench.generate)."""
    sent = Dossier.objects.filter(state__in=SENT_STATES)
    by_size = sent.annotate(n=Count("nominations"))
    campaign = (Campaign.objects.filter(issuer__parent__isnull=True, status="launched")
                .annotate(n=Count("dossiers")).order_by("-n", "pk").first())
    small_campaign = (Campaign.objects.annotate(n=Count("dossiers", filter=~_draft_q())).filter(n__gt=0)
                      .order_by("n", "pk").first())
    # three dossiers in the same state (the page's queries depend on the state: the moves offered)
    state = DossierState.IN_REVIEW if sent.filter(state=DossierState.IN_REVIEW).exists() else \
        sent.values("state").annotate(n=Count("id")).order_by("-n")[0]["state"]
    # individual nominees only: a collective nominee adds one query (the merger links of its history)
    collective = Nomination.objects.filter(dossier=OuterRef("pk"), subject_type="collective")
    same_state = by_size.filter(state=state).filter(~Exists(collective))
    largest = same_state.order_by("-n", "pk").first()
    typical = same_state.filter(n__gte=8).order_by("n", "pk").first() or largest
    single = same_state.order_by("n", "pk").first()
    busiest = (Award.objects.filter(person__isnull=False).values("person").annotate(n=Count("id"))
               .order_by("-n", "person").first())
    lone = (Award.objects.filter(person__isnull=False).values("person").annotate(n=Count("id"))
            .filter(n=1).order_by("person").first())
    person = Person.objects.get(pk=busiest["person"])
    lone_person = Person.objects.get(pk=lone["person"])
    lone_award = Award.objects.filter(person=lone_person).first()
    rare_query = f"{search_key(lone_person.full_name)} {lone_award.decision_number}"
    # the inbox as the office of the body that receives the fewest dossiers: same page, same filters
    from dossiers.services.inbox import inbox_queryset
    from orgs.models import Membership

    offices = get_user_model().objects.filter(memberships__role="reviewer").distinct().order_by("pk")
    quiet = min(offices, key=lambda u: (inbox_queryset(u).exclude(state=DossierState.DECIDED).count() or 10**9, u.pk))
    assert Membership.objects.filter(user=quiet).count() == Membership.objects.filter(user=reviewer).count()
    inbox = reverse("dossiers:inbox")
    huong = "nguyen thi huong"
    return [
        {"label": "Hộp hồ sơ (mặc định: đang xử lý)", "target": 100, "url": inbox,
         "few": inbox, "few_user": quiet.username,
         "main": lambda: inbox_main_query(reviewer, {}),
         "admin": reverse("admin:dossiers_dossier_changelist")},
        {"label": f"Hồ sơ một phong trào ({campaign.n} hồ sơ)", "target": 100,
         "url": f"{inbox}?{urlencode({'phong_trao': campaign.pk, 'tat_ca': 'on'})}",
         "few": f"{inbox}?{urlencode({'phong_trao': small_campaign.pk, 'tat_ca': 'on'})}",
         "main": lambda: inbox_main_query(reviewer, {"phong_trao": campaign.pk, "tat_ca": "on"}),
         "admin": f"{reverse('admin:dossiers_nomination_changelist')}?dossier__campaign__id__exact={campaign.pk}"},
        dossier_page(f"Trang hồ sơ ({typical.n} người)", typical, single),
        dossier_page(f"Trang hồ sơ lớn nhất ({largest.n} người)", largest, single),
        clerk_draft_page(collective),
        {"label": f"Sổ khen thưởng: “{huong}”", "target": 50,
         "url": f"{reverse('dossiers:register')}?{urlencode({'q': huong})}",
         "few": f"{reverse('dossiers:register')}?{urlencode({'q': rare_query})}",
         "main": lambda: register_main_query(reviewer, huong),
         "admin": f"{reverse('admin:dossiers_award_changelist')}?{urlencode({'q': huong})}"},
        {"label": f"Quá trình khen thưởng cá nhân ({busiest['n']} lần)", "target": 100,
         "url": reverse("dossiers:person_history", args=[person.pk]),
         "few": reverse("dossiers:person_history", args=[lone_person.pk]),
         "main": lambda: person_main_query(person),
         "admin": f"{reverse('admin:dossiers_award_changelist')}?person__id__exact={person.pk}"},
        # beyond the list: the people search and the office's progress page of the same campaign
        {"label": f"Tìm cán bộ: “{huong}”", "target": 50,
         "url": f"{reverse('orgs:person_list')}?{urlencode({'q': huong})}",
         "few": f"{reverse('orgs:person_list')}?{urlencode({'q': search_key(lone_person.full_name)})}",
         "main": lambda: people_main_query(reviewer, huong),
         "admin": f"{reverse('admin:orgs_person_changelist')}?{urlencode({'q': huong})}"},
        {"label": "Tiến độ nộp hồ sơ (cùng phong trào)", "target": 100, "ratio": 1.5,
         "url": reverse("dossiers:campaign_progress", args=[campaign.pk]),
         "few": reverse("dossiers:campaign_progress", args=[small_campaign.pk]),
         "main": lambda: progress_main_query(campaign),
         "admin": f"{reverse('admin:dossiers_dossier_changelist')}?campaign__id__exact={campaign.pk}"},
    ]


def clerk_draft_page(collective):
    """The unit clerk's own draft with the most nominees (individuals only): the page with the rows' buttons
    and the checklist (issue 13: ≤ 60 ms p95, ≤ 150 KB at 113 nominees), as that unit's clerk; few rows: a
    one-nominee draft as its own clerk."""
    from orgs.models import Membership

    drafts = (Dossier.objects.filter(state=DossierState.DRAFT).filter(~Exists(collective))
              .annotate(n=Count("nominations")).filter(n__gt=0))
    big, small = drafts.order_by("-n", "pk").first(), drafts.order_by("n", "pk").first()

    def clerk(dossier):
        return (Membership.objects.filter(organisation=dossier.organisation, role="clerk")
                .order_by("pk").values_list("user__username", flat=True).first())

    page = dossier_page(f"Hồ sơ đang soạn của đơn vị ({big.n} người)", big, small)
    return {**page, "target": 60, "max_kb": 150, "ratio": 1.5, "user": clerk(big), "few_user": clerk(small)}


def dossier_page(label, dossier, few):
    """A dossier page beside the Nomination changelist of the same dossier; `few`: a one-nominee dossier.
    Issue 13: built for each request, at least 1.5× the admin."""
    return {"label": label, "target": 100, "ratio": 1.5,
            "url": reverse("dossiers:dossier_detail", args=[dossier.pk]),
            "few": reverse("dossiers:dossier_detail", args=[few.pk]),
            "main": lambda: dossier_main_query(dossier),
            "admin": f"{reverse('admin:dossiers_nomination_changelist')}?dossier__id__exact={dossier.pk}"}


def _draft_q():
    from django.db.models import Q

    return Q(dossiers__state__in=UNSENT_STATES)


def timed_get(client, url, repeat):
    for _ in range(3):
        _get(client, url)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        _get(client, url)
        times.append(time.perf_counter() - start)
    return times


def _get(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    return response


def count_queries(client, url, sizes=None):
    """The page's queries (and, into `sizes`, the size of its HTML in KB)."""
    _get(client, url)  # warm-up: the process's first request imports and compiles templates
    connection.queries_log.clear()  # a full log (9,000 entries) would make the capture count 0
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, url)
    if sizes is not None:
        sizes.append(len(response.content) / 1024)
    return len(queries)


def timed_sql(queryset, repeat):
    sql, params = queryset.query.sql_with_params()
    times, rows = [], 0
    with connection.cursor() as cursor:
        for i in range(repeat + 3):
            start = time.perf_counter()
            cursor.execute(sql, params)
            rows = len(cursor.fetchall())
            if i >= 3:
                times.append(time.perf_counter() - start)
    return times, rows


def clients():
    users = get_user_model().objects
    reviewer, superuser = users.get(username=common.PROVINCE_REVIEWER), users.get(username=common.SUPERUSER)
    office, admin = Client(), Client()
    office.force_login(reviewer)
    admin.force_login(superuser)
    return reviewer, office, admin


_clients = {}


def client_of(username):
    if username not in _clients:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        _clients[username] = client
    return _clients[username]


def page_client(page, office):
    """The client a page is measured with: the office, or the page's own user (a unit's clerk)."""
    return client_of(page["user"]) if "user" in page else office


def few_client(page):
    """The client of the few-rows variant: the office, or another user when the variant needs one."""
    return client_of(page.get("few_user", common.PROVINCE_REVIEWER))


def counts_only():
    reviewer, office, _admin = clients()
    result = {}
    for page in choose_pages(reviewer):
        result[_key(page["label"])] = count_queries(office, page["url"])
    return result


def _key(label):
    """The label without the figures in parentheses, so that two data sets line up."""
    return label.split(" (")[0]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Thời gian phục vụ và số truy vấn của các trang (quy mô tỉnh).")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--small-db", help="DATABASE_URL của bộ dữ liệu nhỏ (đếm truy vấn ở ~1.000 dòng)")
    parser.add_argument("--counts-json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--only", help="chỉ các trang có nhãn chứa chuỗi này")
    parser.add_argument("--profile", action="store_true",
                        help="thay vì đo: chạy mỗi trang 10 lần dưới cProfile và in các hàm tốn thời gian")
    args = parser.parse_args(argv)
    require_postgresql()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if args.counts_json:
        print(json.dumps(counts_only(), ensure_ascii=False))
        return
    print(machine_line())
    print(f"{Nomination.objects.count()} đề nghị, {Dossier.objects.count()} hồ sơ, {Award.objects.count()} khen "
          f"thưởng, {Person.objects.count()} cán bộ; {args.repeat} lượt mỗi trang\n", flush=True)
    reviewer, office, admin = clients()
    pages = choose_pages(reviewer)
    tune_garbage_collector()  # as portal/wsgi.py does in each gunicorn worker (the admin pages alike)
    if args.only:
        pages = [p for p in pages if args.only.lower() in p["label"].lower()]
    if args.profile:
        for page in pages:
            profile_page(page_client(page, office), page)
        return
    rows = []
    for page in pages:
        client, sizes = page_client(page, office), []
        times = timed_get(client, page["url"], args.repeat)
        queries = count_queries(client, page["url"], sizes)
        few_queries = count_queries(few_client(page), page["few"])
        admin_times = timed_get(admin, page["admin"], args.repeat)
        admin_queries = count_queries(admin, page["admin"])
        sql_times, sql_rows = timed_sql(page["main"](), args.repeat)
        row = {"label": page["label"], "target": page["target"], "ratio": page.get("ratio", 2),
               "max_kb": page.get("max_kb"), "kb": sizes[0], "page": summary_ms(times), "queries": queries,
               "few_queries": few_queries, "admin": summary_ms(admin_times), "admin_queries": admin_queries,
               "sql": summary_ms(sql_times), "sql_rows": sql_rows, "url": page["url"], "admin_url": page["admin"]}
        rows.append(row)
        print(f"  {row['label']}: {row['page'][0]:.1f} / {row['page'][1]:.1f} ms, {queries} truy vấn, "
              f"{row['kb']:.0f} KB", flush=True)
    print_table(rows)
    small = None
    if args.small_db:
        env = {**os.environ, "DATABASE_URL": args.small_db}
        output = subprocess.run([sys.executable, "-m", "bench.pages", "--counts-json"], env=env, check=True,
                                capture_output=True, text=True).stdout
        small = json.loads(output.strip().splitlines()[-1])
    print_counts(rows, small)


def profile_page(client, page, repeat=10):
    """Where a page's time goes: cProfile over `repeat` requests, our code and Django's template engine."""
    import cProfile
    import io
    import pstats

    for _ in range(3):
        _get(client, page["url"])
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        _get(client, page["url"])
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = sum(row[3] for row in stats.stats.values() if row[3]) and stats.total_tt
    stats.sort_stats("cumulative").print_stats(
        rf"({re.escape(str(ROOT))}/(?!\.venv)|django/template/(base|defaulttags|loader_tags)\.py.*\((render|render_annotated)\)|"
        r"execute\b|forms/(widgets|boundfield)\.py)", 25)
    print(f"\n=== {page['label']} — {page['url']} ({repeat} lượt, {total / repeat * 1000:.0f} ms/lượt dưới cProfile)")
    print("\n".join(line for line in stream.getvalue().splitlines()[7:] if line.strip()))


def print_table(rows):
    print()
    header = (f"{'trang':<44} {'trung vị':>9} {'p95':>8} {'truy vấn':>8} │ {'admin tv':>9} {'p95':>8} {'truy vấn':>8}"
              f" {'×admin':>7} │ {'SQL tv':>7} {'p95':>7} {'dòng':>5} │ mục tiêu")
    print(header)
    print("─" * len(header))
    for r in rows:
        ratio = r["admin"][0] / r["page"][0] if r["page"][0] else 0
        verdict = []
        if r["page"][1] > r["target"]:
            verdict.append(f"p95 > {r['target']} ms")
        if r["queries"] > 12:
            verdict.append("> 12 truy vấn")
        if r["queries"] != r["few_queries"]:
            verdict.append("số truy vấn phụ thuộc số dòng")
        if ratio < r["ratio"]:
            verdict.append(f"< {r['ratio']:g}× admin")
        if r["max_kb"] and r["kb"] > r["max_kb"]:
            verdict.append(f"> {r['max_kb']} KB")
        print(f"{r['label'][:44]:<44} {r['page'][0]:7.1f}ms {r['page'][1]:6.1f}ms {r['queries']:>8} │ "
              f"{r['admin'][0]:7.1f}ms {r['admin'][1]:6.1f}ms {r['admin_queries']:>8} {ratio:6.1f}× │ "
              f"{r['sql'][0]:5.1f}ms {r['sql'][1]:5.1f}ms {r['sql_rows']:>5} │ "
              f"{'đạt' if not verdict else 'TRƯỢT: ' + ', '.join(verdict)}")
    print("\nthời gian: trung vị / p95 phía máy chủ (ms); ×admin = trung vị admin / trung vị trang; "
          "SQL = truy vấn chính của trang chạy riêng (sàn); mục tiêu: p95, số truy vấn ≤ 12 và không đổi theo số dòng, "
          "×admin (2× mặc định, 1,5× trang hồ sơ và tiến độ: issue 13), cỡ trang (KB) nếu có")


def print_counts(rows, small):
    print("\nSố truy vấn không phụ thuộc số dòng:")
    print(f"{'trang':<44} {'nhiều dòng':>10} {'ít dòng':>8} {'CSDL nhỏ':>9}")
    for r in rows:
        other = small.get(_key(r["label"]), "—") if small else "—"
        same = r["queries"] == r["few_queries"] and (small is None or other == r["queries"])
        print(f"{r['label'][:44]:<44} {r['queries']:>10} {r['few_queries']:>8} {other!s:>9}  "
              f"{'bằng nhau' if same else 'KHÁC'}")


if __name__ == "__main__":
    main()
