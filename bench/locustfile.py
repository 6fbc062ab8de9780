"""The load of `bench.throughput`: logged-in reviewers reading one dossier page, back to back.

Run by `python -m bench.throughput` (which starts gunicorn, creates the session and passes it here in the
environment); not meant to be run by hand, though it can be:

    BENCH_URL=/ho-so/123/ BENCH_HEADERS='{"Cookie": "sessionid=…"}' BENCH_MARKER='id="nominees"' \\
        .venv/bin/locust -f bench/locustfile.py --headless -u 30 -r 30 -t 20s --host http://127.0.0.1:8021

No Django here: the load generator shares the 2 cores with the server, so it stays as cheap as it can
(FastHttpUser, one process, no wait between requests). A request counts as a success only when it is an
HTTP 200 whose body holds the page's marker; a redirect (to the login page) is a failure, not followed.
"""
import json
import os

from locust import FastHttpUser, constant, task

URL = os.environ.get("BENCH_URL", "/")
# the session cookie, and X-Forwarded-Proto when the settings redirect plain HTTP to https:// (HTTPS=1)
HEADERS = json.loads(os.environ.get("BENCH_HEADERS", "{}"))
MARKER = os.environ.get("BENCH_MARKER", "")


class Reviewer(FastHttpUser):
    wait_time = constant(0)
    # the session is sent as a header, not through the cookie jar: works whether or not the settings mark
    # the cookie Secure (the bench talks plain HTTP on the loopback)
    headers = HEADERS

    @task
    def dossier_page(self):
        with self.client.get(URL, name="trang hồ sơ", headers=self.headers, allow_redirects=False,
                             catch_response=True) as response:
            if response.status_code != 200:
                where = response.headers.get("Location", "") if response.headers else ""
                response.failure(f"HTTP {response.status_code}" + (f" → {where}" if where else ""))
            elif MARKER and MARKER not in (response.text or ""):
                response.failure("HTTP 200 nhưng thiếu nội dung trang hồ sơ")
            else:
                response.success()
