"""Province-scale data set for the benchmarks (issue 7), on PostgreSQL, deterministic (fixed seed):

    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_bench SECRET_KEY=x HTTPS=0 \\
        .venv/bin/python -m bench.generate [--scale 1.0] [--reset]

At scale 1: 3,000 organisations of a province (UBND tỉnh → Sở / UBND huyện / UBND xã → phòng, chi cục,
bệnh viện, trường…; six Sở merged on 01/3/2025 and the 27 districts with their 540 communes dissolved on
01/7/2025, each with valid_until and, where one exists, its successor), 60,000 people with Vietnamese
names, ~1,800 user accounts (a clerk for most units; reviewer, council, approver and admin of the
province and of the Sở Nội vụ; a superuser), 30 campaigns with their award offers (the catalogue of the
data migration awards/0002), criteria, components and reminder rules, 15,000 dossiers in every state
with their meetings, state log and versions, 150,000 nominations (each with its Mẫu 08 report, its
vote and its confirmed criteria), the decisions and 200,000 rows of the award register over 2016–2026,
and five years of annual ratings of every person.

Rows are written with COPY (psycopg2 `copy_expert`), so `save()` does not run: what the models'
`save()` computes is computed here the same way — Organisation.path/depth and search_text
(core.text.search_key of name, short name, abbreviation, code), Person.search_text (full name),
Award.search_text (subject name, award form, decision number), unique verification codes, NFC text.
Dossier.search_text is left "" because no code computes it (`dossiers/models/dossier.py` has no save()).

Re-runnable: refuses when organisations exist; `--reset` first empties the portal's tables (only on a
database whose name contains "bench"), keeping the catalogue, the eligibility rules and the schedule
the migrations wrote.
"""
import argparse
import base64
import io
import json
import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from bench import common  # sets Django up: the imports below need the apps loaded
from bench import names as N
from bench.common import Stopwatch, database_name, require_postgresql

# isort: split
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from awards.models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile, round_up_to
from core.text import nfc, search_key

SEED = 20250701
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# The data set's "today": the reminder benchmark runs on this day, when the launched campaigns' rules
# are due (deadlines on REMINDER_DAY + 2 for the "3 days before" rule, REMINDER_DAY − 1 for "after").
REMINDER_DAY = date(2026, 11, 16)
MERGER_SO = date(2025, 3, 1)
MERGER_LOCAL = date(2025, 7, 1)

TARGETS = {"organisations": 3000, "people": 60000, "dossiers": 15000, "nominations": 150000, "awards": 200000}
NGUYEN_THI_HUONG = 2500  # at least this many people match "nguyen thi huong" (the search benchmark)

# Tables emptied by --reset (CASCADE reaches what references them: memberships, notifications…).
RESET_TABLES = [
    "auth_user", "orgs_organisation", "orgs_person", "orgs_membership", "orgs_emulationbloc",
    "campaigns_campaign", "dossiers_dossier", "dossiers_nomination", "dossiers_award", "dossiers_decision",
    "dossiers_annualrating", "dossiers_nominationmeeting", "dossiers_councilsession", "dossiers_forwarding",
    "dossiers_reminder", "notifications_notification", "notifications_outboxbatch", "documents_document",
    "auditlog_logentry", "django_session", "django_admin_log",
]


def at(day, hour=9, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


# --- COPY -----------------------------------------------------------------------------------------------
def _cell(value):
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


COPY_TIMES = {}  # table -> (rows, seconds spent in COPY)


def copy_rows(table, columns, rows, chunk=50_000):
    """COPY `rows` (tuples in the order of `columns`) into `table`; returns the number of rows. Columns the
    model has and `columns` leaves out get their field's default (a column added by a later migration does
    not break the generator)."""
    columns, rows = _with_defaults(table, list(columns), rows)
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    count = 0
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            buffer = io.StringIO()
            for row in rows[start:start + chunk]:
                buffer.write("\t".join(_cell(v) for v in row))
                buffer.write("\n")
            buffer.seek(0)
            cursor.copy_expert(f"COPY {table} ({quoted}) FROM STDIN", buffer)
            count += len(rows[start:start + chunk])
    done, spent = COPY_TIMES.get(table, (0, 0.0))
    COPY_TIMES[table] = (done + count, spent + time.perf_counter() - started)
    return count


def _with_defaults(table, columns, rows):
    from django.apps import apps
    from django.db.models import NOT_PROVIDED

    model = next((m for m in apps.get_models(include_auto_created=True) if m._meta.db_table == table), None)
    if model is None:
        return columns, rows
    extra = []
    for f in model._meta.concrete_fields:
        if f.column in columns or f.primary_key:
            continue
        if f.default is not NOT_PROVIDED and not callable(f.default):
            extra.append((f.column, f.default))
        elif not f.null and f.empty_strings_allowed and not f.is_relation:  # a text column: blank
            extra.append((f.column, ""))
    if not extra:
        return columns, rows
    values = tuple(default for _, default in extra)
    return columns + [column for column, _ in extra], [tuple(row) + values for row in rows]


class Ids:
    """Ids handed out here (the tables are empty or were truncated with RESTART IDENTITY)."""

    def __init__(self):
        self.last = {}

    def next(self, table):
        if table not in self.last:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
                self.last[table] = cursor.fetchone()[0]
        self.last[table] += 1
        return self.last[table]

    def reset_sequences(self):
        with connection.cursor() as cursor:
            for table in self.last:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT GREATEST(MAX(id), 1) FROM {table}))")


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    cumulative, total = [], 0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return lambda k=1: rng.choices(values, cum_weights=cumulative, k=k)


# --- the data set ---------------------------------------------------------------------------------------
class Generator:
    def __init__(self, scale):
        self.scale = scale
        self.rng = random.Random(SEED)
        self.ids = Ids()
        self.now = at(REMINDER_DAY, 7)
        self.orgs = []          # dicts, in creation order
        self.org_by_code = {}
        self.people = []        # dicts
        self.users = []
        self.memberships = []
        self.clerk_of = {}      # org id -> user id
        self.staff = {}         # username -> user id
        self.campaigns = []
        self.verification_codes = set()
        self.counts = {}

    def target(self, key):
        return max(1, round(TARGETS[key] * self.scale))

    # --- organisations -----------------------------------------------------------------------------------
    def org(self, code, kind, name, parent=None, *, short_name="", abbreviation="", place=N.PROVINCE,
            valid_from=None, valid_until=None, weight=0.0, group="office", commune=None):
        pk = self.ids.next("orgs_organisation")
        path = f"{parent['path'] if parent else '/'}{pk}/"
        row = {"id": pk, "code": code, "kind": kind, "name": nfc(name), "short_name": nfc(short_name),
               "abbreviation": abbreviation, "place_name": place, "parent": parent, "valid_from": valid_from,
               "valid_until": valid_until, "successor": None, "path": path, "depth": path.count("/") - 2,
               "order": len(parent["children"]) + 1 if parent else 1, "children": [], "weight": weight,
               "group": group, "commune": commune}
        if parent:
            parent["children"].append(row)
        self.orgs.append(row)
        self.org_by_code[code] = row
        return row

    def build_orgs(self):
        s, rng = self.scale, self.rng
        root = self.org("TH", "ubnd_tinh", f"Ủy ban nhân dân tỉnh {N.PROVINCE}", short_name="UBND tỉnh",
                        abbreviation="UBND", weight=6)
        self.root = root
        vp = self.org("TH-VP", "van_phong", "Văn phòng Ủy ban nhân dân tỉnh", root, short_name="Văn phòng UBND tỉnh",
                      abbreviation="VP", weight=10)
        for i, label in enumerate(["Phòng Tổng hợp", "Phòng Kinh tế ngành", "Phòng Nội chính",
                                   "Phòng Văn hóa – Xã hội", "Phòng Hành chính – Tổ chức"], 1):
            self.org(f"TH-VP-P{i}", "phong", label, vp, weight=12)
        for abbreviation, name, phong, extras in N.CURRENT_SO:
            valid_from = MERGER_SO if abbreviation == "SNNMT" else None
            so = self.org(f"TH-{abbreviation}", "so", name, root, short_name=name, abbreviation=abbreviation,
                          valid_from=valid_from, weight=4)
            self.org(f"TH-{abbreviation}-VP", "van_phong", "Văn phòng", so, short_name=f"Văn phòng {name}",
                     abbreviation=f"VP{abbreviation}", valid_from=valid_from, weight=12)
            for i, label in enumerate(["Thanh tra", *phong], 1):
                self.org(f"TH-{abbreviation}-P{i}", "phong", label, so, valid_from=valid_from,
                         weight=rng.uniform(8, 14))
            for i, (kind, label, weight) in enumerate(extras, 1):
                self.org(f"TH-{abbreviation}-D{i}", kind, label, so, weight=weight,
                         group="health" if abbreviation == "SYT" else "office")
        sgd, syt = self.org_by_code["TH-SGDĐT"], self.org_by_code["TH-SYT"]
        for i in range(1, round(110 * s) + 1):
            self.org(f"TH-SGDĐT-THPT{i:03d}", "don_vi_su_nghiep", f"Trường THPT {self.place_name(rng)}", sgd,
                     weight=rng.uniform(55, 85), group="school")
        for i, (_, district) in enumerate(N.DISTRICTS[:round(27 * s)], 1):
            self.org(f"TH-SYT-TTYT{i:02d}", "trung_tam", f"Trung tâm Y tế khu vực {district}", syt,
                     weight=rng.uniform(120, 200), group="health")
        for abbreviation, name, successor in N.MERGED_SO:
            so = self.org(f"TH-{abbreviation}", "so", name, root, short_name=name, abbreviation=abbreviation,
                          valid_until=MERGER_SO, weight=0.5)
            so["successor"] = self.org_by_code[f"TH-{successor}"]
            for i, label in enumerate(["Văn phòng", *N.MERGED_SO_PHONG], 1):
                unit = self.org(f"TH-{abbreviation}-P{i}", "phong", label, so, valid_until=MERGER_SO, weight=0.3)
                unit["successor"] = so["successor"]
        # the new communes (two-level local government from 01/7/2025), then the districts they replace
        n_communes = max(2, round(166 * s))
        communes = []
        used = set()
        for i in range(1, n_communes + 1):
            commune_name = self.place_name(rng, used)
            kind_word = "phường" if i % 5 == 0 else "xã"
            xa = self.org(f"TH-XA{i:03d}", "ubnd_xa", f"Ủy ban nhân dân {kind_word} {commune_name}", root,
                          short_name=f"UBND {kind_word} {commune_name}", abbreviation="UBND", place=commune_name,
                          valid_from=MERGER_LOCAL, weight=5, group="commune", commune=commune_name)
            for code, label in N.COMMUNE_PHONG:
                self.org(f"TH-XA{i:03d}-{code}", "phong_xa", label, xa, valid_from=MERGER_LOCAL,
                         weight=rng.uniform(8, 14), group="commune", place=commune_name)
            self.org(f"TH-XA{i:03d}-TTHCC", "trung_tam", "Trung tâm Phục vụ hành chính công", xa,
                     valid_from=MERGER_LOCAL, weight=6, group="commune", place=commune_name)
            communes.append(xa)
        n_districts = max(1, round(27 * s))
        for d, (district_kind, district) in enumerate(N.DISTRICTS[:n_districts], 1):
            huyen = self.org(f"TH-H{d:02d}", "ubnd_huyen", f"Ủy ban nhân dân {district_kind} {district}", root,
                             short_name=f"UBND {district_kind} {district}", abbreviation="UBND", place=district,
                             valid_until=MERGER_LOCAL, weight=0.5)
            seat = communes[(d - 1) % len(communes)]
            for code, label in N.DISTRICT_PHONG:
                unit = self.org(f"TH-H{d:02d}-{code}", "phong_huyen", label, huyen, place=district,
                                valid_until=MERGER_LOCAL, weight=0.3)
                unit["successor"] = self.org_by_code[f"{seat['code']}-{N.DISTRICT_TO_COMMUNE[code]}"]
            for c in range(1, 21):
                commune_name = self.place_name(rng)
                old = self.org(f"TH-H{d:02d}-X{c:02d}", "ubnd_xa", f"Ủy ban nhân dân xã {commune_name}", huyen,
                               short_name=f"UBND xã {commune_name}", abbreviation="UBND", place=commune_name,
                               valid_until=MERGER_LOCAL, weight=0.3, commune=commune_name)
                old["successor"] = communes[((d - 1) * 20 + c - 1) * len(communes) // (n_districts * 20)]
        # schools of the new communes fill the tree up to the target
        missing = self.target("organisations") - len(self.orgs)
        per_commune = defaultdict(int)
        for i in range(max(missing, len(communes))):
            per_commune[i % len(communes)] += 1
        for index, xa in enumerate(communes):
            for k in range(per_commune[index]):
                label = N.SCHOOL_KINDS[k % len(N.SCHOOL_KINDS)]
                suffix = f" số {k // len(N.SCHOOL_KINDS) + 1}" if k >= len(N.SCHOOL_KINDS) else ""
                self.org(f"{xa['code']}-T{k + 1:02d}", "don_vi_su_nghiep", f"{label} {xa['commune']}{suffix}", xa,
                         valid_from=MERGER_LOCAL, weight=rng.uniform(18, 45), group="school", place=xa["commune"])
        self.current = [o for o in self.orgs if o["valid_until"] is None]

    def place_name(self, rng, used=None):
        while True:
            name = f"{rng.choice(N.COMMUNE_FIRST)} {rng.choice(N.COMMUNE_SECOND)}"
            if name.split()[0] != name.split()[1] and (used is None or name not in used):
                if used is not None:
                    used.add(name)
                return name

    def write_orgs(self):
        created = at(date(2024, 1, 2))
        rows = []
        for o in self.orgs:
            rows.append((o["id"], created, created, o["code"], o["kind"], o["name"], o["short_name"], o["abbreviation"],
                         o["place_name"], o["parent"]["id"] if o["parent"] else None, "", "", "", o["valid_from"],
                         o["valid_until"], o["successor"]["id"] if o["successor"] else None, o["order"], o["path"],
                         o["depth"], search_key(o["name"], o["short_name"], o["abbreviation"], o["code"])))
        return copy_rows("orgs_organisation", [
            "id", "created_at", "updated_at", "code", "kind", "name", "short_name", "abbreviation", "place_name",
            "parent_id", "address", "phone", "email", "valid_from", "valid_until", "successor_id", "order", "path",
            "depth", "search_text"], rows)

    # --- people ------------------------------------------------------------------------------------------
    def build_people(self):
        rng, total = self.rng, self.target("people")
        weights = [(o, o["weight"]) for o in self.orgs if o["weight"] > 0]
        scale = total / sum(w for _, w in weights)
        sizes = {o["id"]: int(w * scale) for o, w in weights}
        remainder = total - sum(sizes.values())
        by_fraction = sorted(weights, key=lambda ow: (ow[1] * scale) % 1, reverse=True)
        for o, _ in by_fraction[:remainder]:
            sizes[o["id"]] += 1
        family = weighted(rng, N.FAMILY_NAMES)
        middle = {"nam": weighted(rng, N.MALE_MIDDLE), "nu": weighted(rng, N.FEMALE_MIDDLE)}
        given = {"nam": weighted(rng, N.MALE_GIVEN), "nu": weighted(rng, N.FEMALE_GIVEN)}
        positions = {group: weighted(rng, pairs) for group, pairs in N.POSITIONS.items()}
        category = {"office": "cong_chuc", "school": "vien_chuc", "health": "vien_chuc", "commune": "cong_chuc"}
        self.people_of = defaultdict(list)  # org id -> person ids (the unit itself only)
        for o in self.orgs:
            for _ in range(sizes.get(o["id"], 0)):
                gender = "nu" if rng.random() < (0.7 if o["group"] in ("school", "health") else 0.48) else "nam"
                full_name = f"{family()[0]} {middle[gender]()[0]} {given[gender]()[0]}"
                group = o["group"]
                position = positions[group]()[0]
                qualification = rng.choice(N.QUALIFICATIONS.get(group, N.QUALIFICATIONS["office"]))
                home = (f"xã {self.place_name(rng)}, tỉnh {N.PROVINCE}" if rng.random() < 0.85
                        else f"tỉnh {rng.choice(N.OTHER_PROVINCES)}")
                person = {"id": self.ids.next("orgs_person"), "full_name": full_name, "gender": gender,
                          "dob": date(rng.randint(1966, 2000), rng.randint(1, 12), rng.randint(1, 28)),
                          "position": position, "org": o, "hometown": home, "qualification": qualification,
                          "category": "can_bo" if "Chủ tịch" in position else
                          ("nguoi_lao_dong" if position.startswith("Người lao động") else category[group]),
                          "is_active": o["valid_until"] is None, "user_id": None}
                self.people.append(person)
                self.people_of[o["id"]].append(person["id"])
        # the search benchmark needs many "Nguyễn Thị … Hương"-like names (diacritics and all)
        wanted = max(1, round(NGUYEN_THI_HUONG * self.scale))
        matching = [p for p in self.people if self.matches_nguyen_thi_huong(p["full_name"])]
        candidates = [p for p in self.people if p["gender"] == "nu" and p["full_name"].startswith("Nguyễn Thị")
                      and not self.matches_nguyen_thi_huong(p["full_name"])]
        rng.shuffle(candidates)
        for person in candidates[:max(0, wanted - len(matching))]:
            person["full_name"] = rng.choice(["Nguyễn Thị Hương", "Nguyễn Thị Thu Hương", "Nguyễn Thị Hương",
                                              "Nguyễn Thị Thanh Hương", "Nguyễn Thị Hường", "Nguyễn Thị Phương"])
        self.person_by_id = {p["id"]: p for p in self.people}
        for p in self.people:
            p["search_text"] = search_key(p["full_name"])
        self.counts["people matching “nguyen thi huong”"] = sum(
            1 for p in self.people if self.matches_nguyen_thi_huong(p["full_name"]))
        self.counts["people named exactly “Nguyễn Thị Hương”"] = sum(
            1 for p in self.people if p["full_name"] == "Nguyễn Thị Hương")

    @staticmethod
    def matches_nguyen_thi_huong(full_name):
        key = search_key(full_name)
        return all(token in key for token in ("nguyen", "thi", "huong"))

    def build_subtree_people(self):
        """Person ids of each unit's subtree (a dissolved unit's staff moved to its successor)."""
        pool = {}
        for o in reversed(self.orgs):  # children were created after their parent
            ids = list(self.people_of.get(o["id"], []))
            for child in o["children"]:
                ids.extend(pool[child["id"]])
            pool[o["id"]] = ids
        for o in self.orgs:
            successor = o["successor"]
            while successor is not None and successor["successor"] is not None:
                successor = successor["successor"]
            if successor is not None and len(pool[o["id"]]) < 40:
                pool[o["id"]] = pool[o["id"]] + pool[successor["id"]][:400]
        self.pool = pool

    # --- accounts -------------------------------------------------------------------------------------------
    def build_users(self):
        rng = self.rng
        password = make_password(common.PASSWORD)
        joined = at(date(2024, 3, 1))

        def user(username, *, person=None, email=None, superuser=False, first="", last=""):
            pk = self.ids.next("auth_user")
            if person is not None:
                person["user_id"] = pk
                last, first = person["full_name"].rsplit(" ", 1) if " " in person["full_name"] else ("", "")
            self.users.append((pk, password, None, superuser, username, first, last,
                               email if email is not None else f"{username}@bench.invalid", superuser, True, joined))
            return pk

        def member(user_id, org, role):
            self.memberships.append((self.ids.next("orgs_membership"), role, joined, user_id, org["id"]))

        self.staff[common.SUPERUSER] = user(common.SUPERUSER, superuser=True, first="Quản trị", last="Bench")
        snv = self.org_by_code["TH-SNV"]
        for username, org, role in [
                (common.PROVINCE_REVIEWER, self.root, "reviewer"), (common.PROVINCE_COUNCIL, self.root, "council"),
                (common.PROVINCE_APPROVER, self.root, "approver"), (common.PROVINCE_ADMIN, self.root, "admin"),
                (common.SO_REVIEWER, snv, "reviewer"), (common.SO_COUNCIL, snv, "council"),
                (common.SO_APPROVER, snv, "approver"), (common.SO_ADMIN, snv, "admin")]:
            office = self.org_by_code["TH-VP"] if org is self.root else self.org_by_code["TH-SNV-VP"]
            candidates = [pid for pid in self.people_of[office["id"]] if not self.person_by_id[pid]["user_id"]]
            person = self.person_by_id[candidates[0]] if candidates else None
            self.staff[username] = user(username, person=person)
            member(self.staff[username], org, role)
        for abbreviation in ("SGDĐT", "SYT", "SNNMT"):  # the other bodies that issue campaigns
            so = self.org_by_code[f"TH-{abbreviation}"]
            for role in ("reviewer", "approver"):
                username = f"{search_key(abbreviation)}.{'vanphong' if role == 'reviewer' else 'lanhdao'}"
                self.staff[username] = user(username)
                member(self.staff[username], so, role)
        # a clerk (cán bộ TĐKT) for most current units: the one staff member holding the account
        for o in self.current:
            if o is self.root or rng.random() > 0.85:
                continue
            free = [pid for pid in self.people_of.get(o["id"], []) if not self.person_by_id[pid]["user_id"]]
            if not free:
                continue
            person = self.person_by_id[rng.choice(free)]
            uid = user(f"canbo.{o['id']}", person=person)
            member(uid, o, "clerk")
            self.clerk_of[o["id"]] = uid

    def write_people_and_users(self):
        count = copy_rows("auth_user", ["id", "password", "last_login", "is_superuser", "username", "first_name",
                                        "last_name", "email", "is_staff", "is_active", "date_joined"], self.users)
        created = at(date(2024, 3, 1))
        rows = [(p["id"], created, created, p["full_name"], p["gender"], p["dob"], p["position"], p["category"],
                 p["hometown"], p["qualification"], "", "", p["is_active"], p["search_text"], p["org"]["id"],
                 p["user_id"]) for p in self.people]
        people = copy_rows("orgs_person", ["id", "created_at", "updated_at", "full_name", "gender", "date_of_birth",
                                           "position", "category", "hometown", "qualification", "email", "phone",
                                           "is_active", "search_text", "organisation_id", "user_id"], rows)
        copy_rows("orgs_membership", ["id", "role", "created_at", "user_id", "organisation_id"], self.memberships)
        return people, count, len(self.memberships)

    def write_blocs(self):
        created = at(date(2024, 3, 1))
        sos = [o for o in self.current if o["kind"] == "so"]
        communes = [o for o in self.current if o["kind"] == "ubnd_xa"]
        blocs = [("Khối các Sở kinh tế – kỹ thuật", "khoi", sos[: len(sos) // 2]),
                 ("Khối các Sở văn hóa – xã hội", "khoi", sos[len(sos) // 2:])]
        size = max(1, len(communes) // 6)
        for i in range(0, len(communes), size):
            blocs.append((f"Cụm thi đua các xã, phường số {i // size + 1}", "cum", communes[i:i + size]))
        rows, members = [], []
        for name, kind, units in blocs:
            pk = self.ids.next("orgs_emulationbloc")
            leader = units[0]["id"] if units else None
            rows.append((pk, created, created, name, kind, "", True, self.root["id"], leader))
            members.extend((self.ids.next("orgs_emulationbloc_members"), pk, u["id"]) for u in units)
        copy_rows("orgs_emulationbloc", ["id", "created_at", "updated_at", "name", "kind", "description", "is_active",
                                         "organiser_id", "leader_id"], rows)
        copy_rows("orgs_emulationbloc_members", ["id", "emulationbloc_id", "organisation_id"], members)
        return len(rows)

    # --- campaigns -----------------------------------------------------------------------------------------
    def campaign_specs(self):
        d = REMINDER_DAY
        before, after = d + timedelta(days=2), d - timedelta(days=1)
        ubnd = ["cstd-tinh", "co-thi-dua-tinh", "ttldxs", "bang-khen-tinh", "bang-khen-ttg", "huan-chuong-ld-3",
                "cstd-toan-quoc"]
        snv = ["cstd-co-so", "ldtt", "ttldtt", "giay-khen", "bang-khen-tinh"]
        drive = ["bang-khen-tinh", "co-thi-dua-tinh", "bang-khen-ttg"]
        sector = ["giay-khen", "cstd-co-so", "ldtt", "ttldtt", "bang-khen-tinh"]
        specs = []
        for year in range(2020, 2028):
            status = ("archived" if year <= 2023 else "closed" if year <= 2025
                      else "launched" if year == 2026 else "draft")
            specs.append(dict(issuer="TH", kind="annual", title=f"Phong trào thi đua yêu nước năm {year}",
                              start=date(year, 1, 1), end=date(year, 12, 31),
                              deadline=before if year == 2026 else date(year + 1, 1, 15), status=status,
                              offers=ubnd, weight=0 if status == "draft" else 9))
        for year in range(2021, 2027):
            specs.append(dict(issuer="SNV", kind="annual", title=f"Phong trào thi đua ngành Nội vụ năm {year}",
                              start=date(year, 1, 1), end=date(year, 12, 31),
                              deadline=after if year == 2026 else date(year, 12, 20),
                              status="launched" if year == 2026 else "closed" if year >= 2024 else "archived",
                              offers=snv, weight=3))
        for title, start, end, deadline, status, kind, weight in [
            ("Thi đua chung sức xây dựng nông thôn mới giai đoạn 2021–2025", date(2021, 1, 1), date(2025, 10, 31),
             date(2025, 11, 15), "closed", "drive", 6),
            ("“Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2021–2025",
             date(2021, 3, 1), date(2025, 9, 30), date(2025, 10, 20), "closed", "drive", 6),
            ("Đẩy mạnh chuyển đổi số tỉnh Thanh Hóa giai đoạn 2022–2025", date(2022, 1, 1), date(2025, 6, 30),
             date(2025, 7, 31), "closed", "thematic", 6),
            ("Đợt thi đua đặc biệt lập thành tích chào mừng Đại hội Đảng bộ tỉnh lần thứ XX", date(2025, 1, 1),
             date(2025, 9, 30), date(2025, 10, 10), "closed", "special", 5),
            ("Đợt thi đua đặc biệt chào mừng 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9", date(2025, 3, 1),
             date(2025, 9, 2), date(2025, 9, 20), "closed", "special", 5),
            ("Thi đua thực hiện thắng lợi việc vận hành chính quyền địa phương hai cấp", date(2025, 7, 1),
             date(2026, 12, 31), after, "launched", "thematic", 7),
            ("Thi đua chung sức xây dựng nông thôn mới giai đoạn 2026–2030", date(2026, 1, 1), date(2030, 12, 31),
             date(2026, 12, 20), "launched", "drive", 2),
        ]:
            specs.append(dict(issuer="TH", kind=kind, title=title, start=start, end=end, deadline=deadline,
                              status=status, offers=drive, weight=weight))
        specs.append(dict(issuer="SNV", kind="special", title="Đợt thi đua đặc biệt chào mừng kỷ niệm 80 năm Ngày "
                          "truyền thống ngành Tổ chức nhà nước (28/8/1945 – 28/8/2025)", start=date(2024, 8, 1),
                          end=date(2025, 8, 4), deadline=date(2025, 8, 4), status="closed", offers=snv, weight=3))
        for first in (2022, 2023, 2024, 2025):
            specs.append(dict(issuer="SGDĐT", kind="thematic",
                              title=f"Đổi mới, sáng tạo trong dạy và học năm học {first}–{first + 1}",
                              start=date(first, 9, 5), end=date(first + 1, 5, 31),
                              deadline=before if first == 2025 else date(first + 1, 6, 20),
                              status="launched" if first == 2025 else "closed", offers=sector, weight=5))
        for year in (2024, 2025, 2026):
            specs.append(dict(issuer="SYT", kind="thematic",
                              title=f"Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng "
                                    f"của người bệnh năm {year}", start=date(year, 1, 1), end=date(year, 12, 31),
                              deadline=before if year == 2026 else date(year, 12, 15),
                              status="launched" if year == 2026 else "closed", offers=sector, weight=3))
        specs.append(dict(issuer="SNNMT", kind="thematic", title="Thi đua chuyển đổi số ngành Nông nghiệp và Môi "
                          "trường năm 2026", start=date(2026, 1, 1), end=date(2026, 12, 31), deadline=after,
                          status="launched", offers=sector, weight=2))
        return specs

    def participants_of(self, spec):
        """[(org, include_subtree)] of a campaign, as its plan would list them."""
        code = "TH" if spec["issuer"] == "TH" else f"TH-{spec['issuer']}"
        issuer = self.org_by_code[code]
        if spec["issuer"] == "TH":
            return [(issuer, True)]
        extra = []
        if spec["issuer"] == "SNV":  # the ngành Nội vụ: the Sở, and the district offices / the communes
            extra = [(o, False) for o in self.orgs if o["code"].endswith("-PNV") and o["kind"] == "phong_huyen"]
            extra += [(o, False) for o in self.current if o["kind"] == "ubnd_xa"]
        elif spec["issuer"] == "SGDĐT":  # every school of the province
            extra = [(o, False) for o in self.current if o["group"] == "school" and not o["code"].startswith(code)]
        elif spec["issuer"] == "SNNMT":
            extra = [(o, False) for o in self.current if o["code"].endswith("-PKT")]
        return [(issuer, True), *extra]

    def build_campaigns(self):
        rng = self.rng
        forms = {f.code: f for f in AwardForm.objects.all()}
        profiles = {p.code: p for p in LegalBasisProfile.objects.all()}
        self.forms = forms
        self.coefficients = {(c.profile_id, c.award_form_id, c.subject_type): c.coefficient
                             for c in BonusCoefficient.objects.all()}
        self.profiles = profiles
        self.salaries = sorted((s.valid_from, s.amount) for s in BaseSalary.objects.all())
        specs = self.campaign_specs()
        admin = self.staff[common.PROVINCE_ADMIN]
        rows, offers, participants, criteria, components, targets, rules = [], [], [], [], [], [], []
        plan_numbers = defaultdict(lambda: 100)
        for spec in specs:
            pk = self.ids.next("campaigns_campaign")
            issuer = self.org_by_code["TH" if spec["issuer"] == "TH" else f"TH-{spec['issuer']}"]
            plan_numbers[issuer["id"]] += rng.randint(3, 40)
            profile = profiles["nd-152-2025" if spec["start"] >= date(2025, 7, 1) else "nd-98-2023"]
            plan_date = spec["start"] - timedelta(days=rng.randint(5, 25))
            launched = at(plan_date + timedelta(days=3)) if spec["status"] != "draft" else None
            closed = at(spec["deadline"] + timedelta(days=60)) if spec["status"] in ("closed", "archived") else None
            signer_title = "Chủ tịch" if spec["issuer"] == "TH" else "Giám đốc"
            campaign = {**spec, "id": pk, "issuer_org": issuer, "profile": profile, "offer_ids": {}}
            self.campaigns.append(campaign)
            rows.append((pk, at(plan_date), launched or at(plan_date), spec["kind"], spec["status"], spec["title"],
                         "", plan_numbers[issuer["id"]], f"KH-{issuer['abbreviation']}", plan_date,
                         self.person_name(rng), signer_title, "", "Động viên, khích lệ các tập thể, cá nhân thi đua "
                         "hoàn thành xuất sắc nhiệm vụ được giao.", "Thi đua thiết thực, hiệu quả, tránh hình thức.",
                         "", "", "", spec["start"], spec["end"], spec["deadline"] - timedelta(days=10),
                         spec["deadline"], ["individual", "collective"], [], launched, closed, None, admin,
                         issuer["id"], profile.id))
            for order, code in enumerate(spec["offers"], 1):
                offer_id = self.ids.next("campaigns_campaignaward")
                campaign["offer_ids"][code] = offer_id
                quota_kind, quota_value = (("percent_headcount", Decimal("15")) if code == "cstd-co-so"
                                           else ("none", None))
                offers.append((offer_id, rng.choice([2, 3, 4]), quota_kind, quota_value, order, "", forms[code].id, pk,
                               None))
            for org, subtree in self.participants_of(spec):
                participants.append((self.ids.next("campaigns_campaignparticipant"), subtree, pk, org["id"]))
            campaign["criteria"] = defaultdict(list)
            for subject_type, texts in (("individual", ["Hoàn thành xuất sắc nhiệm vụ được giao trong năm",
                                                        "Có sáng kiến hoặc giải pháp được công nhận"]),
                                        ("collective", ["Hoàn thành vượt mức các chỉ tiêu thi đua",
                                                        "Nội bộ đoàn kết, không có cá nhân vi phạm kỷ luật"])):
                for order, text in enumerate(texts, 1):
                    criterion_id = self.ids.next("campaigns_criterion")
                    criteria.append((criterion_id, subject_type, order, text, True, pk))
                    campaign["criteria"][subject_type].append(criterion_id)
            for order, (kind, name, per_nominee) in enumerate([
                    ("to_trinh", "Tờ trình đề nghị khen thưởng của cơ quan, đơn vị", False),
                    ("bien_ban", "Biên bản họp bình xét khen thưởng của cơ quan, đơn vị", False),
                    ("bao_cao", "Báo cáo thành tích của tập thể, cá nhân", True)], 1):
                components.append((self.ids.next("campaigns_dossiercomponent"), kind, name, per_nominee, True, order,
                                   pk))
            for order, (text, value, unit) in enumerate([("Đơn vị hoàn thành tốt nhiệm vụ trở lên", 100, "%"),
                                                         ("Cán bộ hoàn thành xuất sắc nhiệm vụ", 20, "%")], 1):
                targets.append((self.ids.next("campaigns_target"), order, text, Decimal(value), unit, "", pk))
            if spec["status"] == "launched":  # reminders: 3 days before (clerks), after (the office's digest)
                rules.append((self.ids.next("campaigns_reminderrule"), "before", 3, 1, "clerks", True, pk))
                rules.append((self.ids.next("campaigns_reminderrule"), "after", 0, 3, "office", True, pk))
        copy_rows("campaigns_campaign", [
            "id", "created_at", "updated_at", "kind", "status", "title", "theme", "plan_number", "plan_symbol",
            "plan_date", "signer_name", "signer_title", "sign_as", "purpose", "requirements", "tasks_text",
            "awards_guidance", "implementation", "period_start", "period_end", "summary_deadline", "dossier_deadline",
            "eligible_subject_types", "eligible_org_kinds", "launched_at", "closed_at", "copied_from_id",
            "created_by_id", "issuer_id", "legal_profile_id"], rows)
        copy_rows("campaigns_campaignaward", ["id", "copies", "quota_kind", "quota_value", "order", "note",
                                              "award_form_id", "campaign_id", "quota_base_id"], offers)
        copy_rows("campaigns_campaignparticipant", ["id", "include_subtree", "campaign_id", "organisation_id"],
                  participants)
        copy_rows("campaigns_criterion", ["id", "subject_type", "order", "text", "is_blocking", "campaign_id"],
                  criteria)
        copy_rows("campaigns_dossiercomponent", ["id", "kind", "name", "per_nominee", "required", "order",
                                                 "campaign_id"], components)
        copy_rows("campaigns_target", ["id", "order", "text", "value", "unit", "measured_on", "campaign_id"], targets)
        copy_rows("campaigns_reminderrule", ["id", "kind", "days", "max_times", "audience", "is_active", "campaign_id"],
                  rules)
        return len(rows), len(offers), len(participants), len(rules)

    def person_name(self, rng):
        gender = rng.choice(["nam", "nu"])
        middle = N.MALE_MIDDLE if gender == "nam" else N.FEMALE_MIDDLE
        given = N.MALE_GIVEN if gender == "nam" else N.FEMALE_GIVEN
        return f"{rng.choice(N.FAMILY_NAMES)[0]} {rng.choice(middle)[0]} {rng.choice(given)[0]}"

    # --- dossiers ------------------------------------------------------------------------------------------
    STATES_CLOSED = [("decided", 90), ("withdrawn", 5), ("forwarded", 5)]
    STATES_LAUNCHED = [("draft", 25), ("submitted", 20), ("returned", 8), ("in_review", 15), ("appraised", 8),
                       ("in_council", 6), ("awaiting_decision", 8), ("decided", 5), ("forwarded", 3), ("withdrawn", 2)]
    FORM_WEIGHTS = {"ldtt": 14, "giay-khen": 14, "cstd-co-so": 8, "ttldtt": 6, "bang-khen-tinh": 14, "cstd-tinh": 6,
                    "ttldxs": 8, "co-thi-dua-tinh": 4, "bang-khen-ttg": 5, "huan-chuong-ld-3": 2, "cstd-toan-quoc": 2}
    NOMINEES = {"ldtt": 30, "giay-khen": 20, "cstd-co-so": 8, "bang-khen-tinh": 6, "cstd-tinh": 3, "bang-khen-ttg": 2,
                "huan-chuong-ld-3": 1.5, "cstd-toan-quoc": 1, "ttldtt": 2, "ttldxs": 1.5, "co-thi-dua-tinh": 1}

    def candidates_of(self, campaign):
        """Units that may send a dossier: participants (with their subtrees) that existed during the campaign."""
        start, end = campaign["start"], campaign["end"]
        units = {}
        for org, subtree in self.participants_of(campaign):
            stack = [org]
            while stack:
                unit = stack.pop()
                existed = (unit["valid_until"] is None or unit["valid_until"] > start) and \
                          (unit["valid_from"] is None or unit["valid_from"] <= end)
                if existed and unit["kind"] != "ubnd_tinh":
                    units[unit["id"]] = unit
                if subtree:
                    stack.extend(unit["children"])
        return sorted(units.values(), key=lambda u: u["id"])

    def build_dossiers(self):
        rng = self.rng
        live = [c for c in self.campaigns if c["weight"]]
        units = {c["id"]: self.candidates_of(c) for c in live}
        room = {c["id"]: int(0.8 * len(units[c["id"]]) * len(c["offers"])) for c in live}
        # dossiers per campaign: by weight, within what its units could send, the rest to campaigns with room
        count, left = dict.fromkeys(room, 0), self.target("dossiers")
        while left > 0:
            open_ = [c for c in live if count[c["id"]] < room[c["id"]]]
            if not open_:
                break
            weight_sum = sum(c["weight"] for c in open_)
            handed = 0
            for c in open_:
                share = min(room[c["id"]] - count[c["id"]], max(1, round(left * c["weight"] / weight_sum)),
                            left - handed)
                count[c["id"]] += share
                handed += share
            left -= handed
        self.dossiers = []
        for campaign in live:
            # (unit, award form) pairs drawn without replacement, weighted by the unit's size and the form's
            # frequency (Efraimidis–Spirakis keys): one live dossier per unit and form (one_live_dossier_per_form)
            pairs = [(u, code) for u in units[campaign["id"]] for code in campaign["offers"]]
            keys = [rng.random() ** (1.0 / (max(1, len(self.pool[u["id"]])) ** 0.5 * self.FORM_WEIGHTS[code]))
                    for u, code in pairs]
            chosen = sorted(range(len(pairs)), key=lambda i: keys[i], reverse=True)[:count[campaign["id"]]]
            states = weighted(rng, self.STATES_CLOSED if campaign["status"] in ("closed", "archived")
                              else self.STATES_LAUNCHED)
            for i in chosen:
                unit, code = pairs[i]
                self.dossiers.append({"id": self.ids.next("dossiers_dossier"), "campaign": campaign, "unit": unit,
                                      "form": self.forms[code], "offer_id": campaign["offer_ids"][code],
                                      "state": states()[0]})
        # nominations per dossier: the form's usual size, scaled to the target, capped by the unit's staff
        raw = [self.NOMINEES[d["form"].code] * rng.lognormvariate(0, 0.5) for d in self.dossiers]
        factor = self.target("nominations") / sum(raw)
        for dossier, size in zip(self.dossiers, raw, strict=True):
            dossier["size"] = max(1, round(size * factor))
        self.fit_sizes()
        self.assign_subjects()

    def assign_subjects(self):
        """Nominees of each dossier: people of the unit's subtree (nobody twice for the same award form of the
        same campaign: one decision per form would list them twice), or the unit and its sub-units."""
        rng = self.rng
        used = defaultdict(set)  # (campaign id, form code) -> person ids
        rest = {}
        for d in self.dossiers:
            form, unit = d["form"], d["unit"]
            subjects = []
            if "individual" in form.subject_types:
                if "collective" in form.subject_types and rng.random() < 0.3:
                    subjects.append(("collective", unit["id"]))
                taken = used[(d["campaign"]["id"], form.code)]
                pool = self.pool[unit["id"]]
                want = d["size"] - len(subjects)
                sample = rng.sample(pool, min(len(pool), want + want // 4 + 2))
                for pid in sample:
                    if len(subjects) >= d["size"]:
                        break
                    if pid not in taken:
                        taken.add(pid)
                        subjects.append(("individual", pid))
            else:
                subjects.append(("collective", unit["id"]))
                subjects.extend(("collective", child["id"]) for child in unit["children"][:d["size"] - 1])
            d["subjects"] = subjects
        # what a small unit could not fill goes to the big lists (Lao động tiên tiến, Giấy khen…)
        short = self.target("nominations") - sum(len(d["subjects"]) for d in self.dossiers)
        growable = [d for d in self.dossiers if d["form"].code in ("ldtt", "giay-khen", "cstd-co-so")]
        while short > 0 and growable:
            for d in list(growable):
                if short <= 0:
                    break
                key = d["id"]
                if key not in rest:
                    pool = self.pool[d["unit"]["id"]]
                    rest[key] = iter(rng.sample(pool, min(len(pool), 3000)))
                taken = used[(d["campaign"]["id"], d["form"].code)]
                for pid in rest[key]:
                    if pid not in taken:
                        taken.add(pid)
                        d["subjects"].append(("individual", pid))
                        short -= 1
                        break
                else:
                    growable.remove(d)

    def capacity(self, dossier):
        if "individual" in dossier["form"].subject_types:
            extra = 1 if "collective" in dossier["form"].subject_types else 0
            return len(self.pool[dossier["unit"]["id"]]) + extra
        return 1 + len(dossier["unit"]["children"])

    def fit_sizes(self):
        total = self.target("nominations")
        for d in self.dossiers:
            d["size"] = min(d["size"], self.capacity(d))
        missing = total - sum(d["size"] for d in self.dossiers)
        room = [d for d in self.dossiers if self.capacity(d) > d["size"] and
                d["form"].code in ("ldtt", "giay-khen", "cstd-co-so", "bang-khen-tinh")]
        while missing > 0 and room:
            for d in list(room):
                if missing <= 0:
                    break
                if d["size"] < self.capacity(d):
                    d["size"] += 1
                    missing -= 1
                else:
                    room.remove(d)
        while missing < 0:
            for d in sorted(self.dossiers, key=lambda x: -x["size"]):
                if missing >= 0:
                    break
                if d["size"] > 1:
                    d["size"] -= 1
                    missing += 1

    def write_dossiers(self):
        rng = self.rng
        dossier_rows, meetings, votes, nominations, reports, confirmed = [], [], [], [], [], []
        changes, versions = [], []
        meeting_of = {}
        reviewer = {"TH": self.staff[common.PROVINCE_REVIEWER], "SNV": self.staff[common.SO_REVIEWER],
                    "SGDĐT": self.staff.get("sgddt.vanphong"), "SYT": self.staff.get("syt.vanphong"),
                    "SNNMT": self.staff.get("snnmt.vanphong")}
        approver = {"TH": self.staff[common.PROVINCE_APPROVER], "SNV": self.staff[common.SO_APPROVER],
                    "SGDĐT": self.staff.get("sgddt.lanhdao"), "SYT": self.staff.get("syt.lanhdao"),
                    "SNNMT": self.staff.get("snnmt.lanhdao")}
        path_of = {"draft": [], "submitted": ["submit"], "returned": ["submit", "start_review", "return"],
                   "in_review": ["submit", "start_review"], "appraised": ["submit", "start_review", "accept"],
                   "in_council": ["submit", "start_review", "accept", "to_council"],
                   "awaiting_decision": ["submit", "start_review", "accept", "to_leader"],
                   "decided": ["submit", "start_review", "accept", "to_leader", "decide"],
                   "forwarded": ["submit", "start_review", "accept", "to_leader", "forward"],
                   "withdrawn": ["submit", "withdraw"]}
        after = {"submit": "submitted", "start_review": "in_review", "return": "returned", "accept": "appraised",
                 "to_council": "in_council", "to_leader": "awaiting_decision", "decide": "decided",
                 "forward": "forwarded", "withdraw": "withdrawn", "council_done": "awaiting_decision"}
        self.awarded = []      # (nomination row dict) of decided dossiers, for the register
        self.forwarded = defaultdict(list)
        for d in self.dossiers:
            campaign, unit, form, state = d["campaign"], d["unit"], d["form"], d["state"]
            deadline = campaign["deadline"]
            created = at(min(deadline, REMINDER_DAY) - timedelta(days=rng.randint(15, 60)), rng.randint(7, 16))
            clerk = self.actor_for(unit)
            issuer_key = campaign["issuer"]
            actions = path_of[state]
            if state in ("awaiting_decision", "decided", "forwarded") and form.needs_council:
                actions = [a if a != "to_leader" else "to_council" for a in actions]
                actions.insert(actions.index("to_council") + 1, "council_done")
            when = created
            log = []
            submitted_at = returned_at = accepted_at = decided_at = None
            previous = "draft"
            for action in actions:
                when = when + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 5))
                if action == "submit" and when.date() > deadline and campaign["status"] != "launched":
                    when = at(deadline - timedelta(days=rng.randint(0, 4)), 10)
                by = clerk if action in ("submit", "withdraw") else (
                    approver[issuer_key] if action in ("decide", "forward") else reviewer[issuer_key])
                log.append((previous, after[action], action, by, when))
                previous = after[action]
                if action == "submit" and submitted_at is None:
                    submitted_at = when
                elif action == "return":
                    returned_at = when
                elif action == "accept":
                    accepted_at = when
                elif action == "decide":
                    decided_at = when
            if campaign["status"] == "launched" and when > self.now:
                shift = when - self.now + timedelta(hours=rng.randint(1, 48))
                log = [(a, b, c, by, t - shift) for a, b, c, by, t in log]
                created -= shift
                submitted_at, returned_at, accepted_at, decided_at = (
                    t - shift if t else None for t in (submitted_at, returned_at, accepted_at, decided_at))
                when -= shift
            updated = log[-1][4] if log else created
            version = sum(1 for entry in log if entry[2] == "submit")
            memo = rng.randint(1, 250)
            has_meeting = state != "draft" or rng.random() < 0.5
            meeting_id = None
            if has_meeting:
                key = (campaign["id"], unit["id"])
                if key not in meeting_of:
                    meeting_id = self.ids.next("dossiers_nominationmeeting")
                    total_members = rng.randint(7, 25)
                    present = total_members - rng.randint(0, 2)
                    held = created - timedelta(days=rng.randint(1, 10))
                    meeting_of[key] = (meeting_id, total_members, present)
                    meetings.append((meeting_id, held, f"Phòng họp {unit['short_name'] or unit['name']}",
                                     self.person_name(rng), self.person_name(rng), total_members, present, "",
                                     "secret", "Bình xét các tập thể, cá nhân có thành tích tiêu biểu.",
                                     "Thống nhất đề nghị khen thưởng các tập thể, cá nhân có tên dưới đây.", None,
                                     held, campaign["id"], unit["id"]))
                meeting_id, total_members, present = meeting_of[key]
            dossier_rows.append((d["id"], created, updated, state, f"{memo:02d}/TTr-{unit['abbreviation'] or 'ĐV'}",
                                 created.date(), self.person_name(rng), "Thủ trưởng đơn vị", "", version, submitted_at,
                                 returned_at, accepted_at, decided_at,
                                 "Báo cáo thành tích chưa nêu số liệu cụ thể." if returned_at else "", "",
                                 campaign["id"], clerk, d["offer_id"], unit["id"], meeting_id))
            for number, entry in enumerate([e for e in log if e[2] == "submit"], 1):
                versions.append((self.ids.next("dossiers_dossierversion"), number, entry[4],
                                 {"nominees": len(d["subjects"]), "memo_number": f"{memo:02d}/TTr"}, d["id"]))
            for from_state, to_state, action, by, t in log:
                changes.append((self.ids.next("dossiers_statechange"), from_state, to_state, action, t,
                                "Trả lại để bổ sung số liệu." if action == "return" else "", by, d["id"]))
            subjects = d["subjects"]
            for order, (subject_type, subject_id) in enumerate(subjects, 1):
                nomination_id = self.ids.next("dossiers_nomination")
                outcome, reason = self.outcome(state, form, rng)
                summary = rng.choice(N.SUMMARIES)
                person_id = subject_id if subject_type == "individual" else None
                org_id = subject_id if subject_type == "collective" else None
                nominations.append((nomination_id, created, updated, subject_type, order, summary, outcome, reason,
                                    "", "", d["id"], org_id, person_id, "[]"))
                person = self.person_by_id[person_id] if person_id else None
                filled = state != "draft" or rng.random() < 0.6
                reports.append((self.ids.next("dossiers_achievementreport"), created, updated,
                                f"{person['position']}, {person['org']['name']}" if person else "",
                                person["qualification"] if person else "", person["hometown"] if person else "",
                                "" if person else f"{unit['place_name']}, tỉnh {N.PROVINCE}", "",
                                "" if person else "Lãnh đạo đơn vị và các bộ phận chuyên môn.",
                                None if person else rng.randint(8, 120),
                                "" if person else "Tham mưu, thực hiện nhiệm vụ quản lý nhà nước được giao.",
                                "Thực hiện nhiệm vụ chuyên môn được giao." if person else "",
                                "Xây dựng kế hoạch, phân công cụ thể, kiểm tra hằng tháng." if filled else "",
                                N.RESULTS.format(n=rng.randint(5, 12), k=rng.randint(2, 6)) if filled else "",
                                "Sáng kiến cải tiến quy trình được công nhận." if rng.random() < 0.3 else "",
                                campaign["start"].year - 1 if filled else None,
                                rng.choice(["tot", "tot", "xuat_sac"]) if filled else "",
                                f"{rng.randint(100, 2000)}/QĐ-UBND" if filled else "",
                                date(campaign["start"].year - 1, 12, 25) if filled else None, False, nomination_id))
                if meeting_id:
                    votes.append((self.ids.next("dossiers_meetingvote"), present - rng.randint(0, 1), 0, 0,
                                  meeting_id, nomination_id))
                if state != "draft":
                    for criterion_id in campaign["criteria"][subject_type]:
                        confirmed.append((self.ids.next("dossiers_nomination_criteria_confirmed"), nomination_id,
                                          criterion_id))
                if outcome == "awarded":
                    self.awarded.append({"id": nomination_id, "dossier": d, "subject_type": subject_type,
                                         "person_id": person_id, "org_id": org_id, "summary": summary,
                                         "decided_at": decided_at})
                elif outcome == "forwarded":
                    self.forwarded[(campaign["id"], form.code)].append((nomination_id, d))
        counts = {}
        counts["dossiers_nominationmeeting"] = copy_rows("dossiers_nominationmeeting", [
            "id", "held_at", "place", "chair", "secretary", "members_total", "members_present", "absentees",
            "ballot_type", "discussion", "conclusion", "closed_at", "created_at", "campaign_id", "organisation_id"],
            meetings)
        counts["dossiers_dossier"] = copy_rows("dossiers_dossier", [
            "id", "created_at", "updated_at", "state", "memo_number", "memo_date", "signer_name", "signer_title",
            "note", "version", "submitted_at", "returned_at", "accepted_at", "decided_at", "return_reason",
            "search_text", "campaign_id", "created_by_id", "offer_id", "organisation_id", "meeting_id"], dossier_rows)
        counts["dossiers_dossierversion"] = copy_rows("dossiers_dossierversion", [
            "id", "number", "submitted_at", "content", "dossier_id"], versions)
        counts["dossiers_statechange"] = copy_rows("dossiers_statechange", [
            "id", "from_state", "to_state", "action", "at", "note", "by_id", "dossier_id"], changes)
        self.nomination_count = len(nominations)
        counts["dossiers_nomination"] = copy_rows("dossiers_nomination", [
            "id", "created_at", "updated_at", "subject_type", "order", "summary", "outcome", "outcome_reason",
            "review_note", "override_reason", "dossier_id", "organisation_id", "person_id", "accepted_warnings"],
            nominations)
        counts["dossiers_achievementreport"] = copy_rows("dossiers_achievementreport", [
            "id", "created_at", "updated_at", "position", "qualification", "hometown", "address", "phone", "structure",
            "headcount", "functions", "duties", "measures", "results", "initiatives", "rating_year", "rating",
            "rating_decision_number", "rating_decision_date", "under_discipline", "nomination_id"], reports)
        counts["dossiers_meetingvote"] = copy_rows("dossiers_meetingvote", [
            "id", "votes_for", "votes_against", "votes_abstain", "meeting_id", "nomination_id"], votes)
        counts["criteria confirmed (m2m)"] = copy_rows("dossiers_nomination_criteria_confirmed", [
            "id", "nomination_id", "criterion_id"], confirmed)
        return counts

    def actor_for(self, unit):
        """Who acts for a unit: its clerk, else the clerk of the nearest unit above, else the province's admin
        (a state change always has its author: the dossier log prints it)."""
        while unit is not None:
            if unit["id"] in self.clerk_of:
                return self.clerk_of[unit["id"]]
            unit = unit["parent"]
        return self.staff[common.PROVINCE_ADMIN]

    @staticmethod
    def outcome(state, form, rng):
        roll = rng.random()
        if state in ("draft", "submitted", "returned", "withdrawn"):
            return "pending", ""
        if state == "in_review":
            return ("accepted", "") if roll < 0.5 else ("not_qualified", "Chưa đủ thời gian công tác.") \
                if roll < 0.55 else ("pending", "")
        if state in ("appraised", "in_council"):
            return ("accepted", "") if roll < 0.92 else ("not_qualified", "Chưa đạt tiêu chuẩn xếp loại.")
        if state == "awaiting_decision":
            if form.needs_council:
                return ("council_passed", "") if roll < 0.9 else ("council_failed", "Không đủ tỷ lệ phiếu.")
            return ("approved", "") if roll < 0.3 else ("accepted", "")
        if state == "forwarded":
            return ("forwarded", "") if roll < 0.95 else ("not_qualified", "Chưa đạt tiêu chuẩn.")
        if roll < 0.92:
            return "awarded", ""
        return ("not_approved", "Vượt chỉ tiêu của đơn vị.") if roll < 0.96 else \
            ("not_qualified", "Chưa đạt tiêu chuẩn xếp loại.")

    # --- decisions and the award register --------------------------------------------------------------------
    def bonus(self, profile, form, subject_type, on):
        coefficient = self.coefficients.get((profile.id, form.id, subject_type))
        if coefficient is None and subject_type == "collective":
            individual = self.coefficients.get((profile.id, form.id, "individual"))
            coefficient = individual * profile.collective_multiplier if individual is not None else None
        salary = None
        for valid_from, amount in self.salaries:
            if valid_from <= on:
                salary = amount
        if coefficient is None or salary is None:
            return None
        return round_up_to(coefficient * salary)

    def verification(self):
        while True:
            code = base64.urlsafe_b64encode(self.rng.getrandbits(128).to_bytes(16, "big")).rstrip(b"=").decode()
            if code not in self.verification_codes:
                self.verification_codes.add(code)
                return code

    HIGHER = {10: ("Thủ trưởng đơn vị", "QĐ"), 30: ("Bộ trưởng", "QĐ-BNV"), 40: ("Chủ tịch UBND tỉnh", "QĐ-UBND"),
              50: ("Thủ tướng Chính phủ", "QĐ-TTg"), 60: ("Chủ tịch nước", "QĐ-CTN")}

    def write_register(self):
        rng = self.rng
        decisions, awards, forwardings, forwarded_links = [], [], [], []
        seen = set()
        own_numbers = defaultdict(lambda: 100)
        higher_numbers = defaultdict(lambda: 1000)

        def award_row(subject_type, person_id, org_id, form, year, decision_id, number, day, decided_by, campaign_id,
                      nomination_id, achievement, bonus, source):
            subject = self.person_by_id[person_id]["full_name"] if person_id else self.org_by_id[org_id]["name"]
            awards.append((self.ids.next("dossiers_award"), at(day, 15), at(day, 15), subject_type, year, number, day,
                           decided_by, achievement, bonus, source, self.verification(),
                           search_key(subject, form.name, number), form.id, campaign_id, nomination_id, org_id,
                           person_id, decision_id))

        self.org_by_id = {o["id"]: o for o in self.orgs}
        # the portal's own decisions: one per campaign and award form, for the decided dossiers
        groups = defaultdict(list)
        for row in self.awarded:
            groups[(row["dossier"]["campaign"]["id"], row["dossier"]["form"].code)].append(row)
        for (_campaign_id, code), rows in sorted(groups.items()):
            campaign = rows[0]["dossier"]["campaign"]
            form = self.forms[code]
            issuer = campaign["issuer_org"]
            authority = 40 if issuer["kind"] == "ubnd_tinh" else 10
            day = max((r["decided_at"].date() for r in rows if r["decided_at"]), default=campaign["deadline"])
            day = min(day, REMINDER_DAY - timedelta(days=1))
            decision_id = self.ids.next("dossiers_decision")
            if form.authority <= authority:
                own_numbers[(issuer["id"], day.year)] += rng.randint(1, 30)
                number = own_numbers[(issuer["id"], day.year)]
                symbol = f"QĐ-{issuer['abbreviation']}"
                decided_by = f"{'Chủ tịch' if authority == 40 else 'Giám đốc'} {issuer['name']}"
                decisions.append((decision_id, issuer["id"], "own", "", campaign["id"], number, symbol, day.year, day,
                                  f"Về việc khen thưởng trong {campaign['title']}"[:500], self.person_name(rng),
                                  "Chủ tịch" if authority == 40 else "Giám đốc", "", campaign["profile"].id,
                                  "", {}, None, at(day, 16)))
            else:
                who, symbol = self.HIGHER[form.authority]
                higher_numbers[(symbol, day.year)] += rng.randint(1, 50)
                number = higher_numbers[(symbol, day.year)]
                decided_by = who
                decisions.append((decision_id, issuer["id"], "higher", who, campaign["id"], number, symbol, day.year,
                                  day, f"Về việc tặng {form.name}"[:500], self.person_name(rng), who, "",
                                  campaign["profile"].id, "", {}, None, at(day, 16)))
                forwarding_id = self.ids.next("dossiers_forwarding")
                forwardings.append((forwarding_id, issuer["id"], campaign["id"], who,
                                    f"{rng.randint(10, 300)}/TTr-{issuer['abbreviation']}", day - timedelta(days=30),
                                    self.person_name(rng), "Chủ tịch" if authority == 40 else "Giám đốc", decision_id,
                                    at(day - timedelta(days=30)), self.staff[common.PROVINCE_APPROVER]))
                for row in rows:
                    forwarded_links.append((self.ids.next("dossiers_forwarding_nominations"), forwarding_id, row["id"]))
            reference = f"{number:02d}/{symbol}"
            for row in rows:
                subject = row["person_id"] or row["org_id"]
                key = (row["subject_type"], subject, form.id, reference)
                if key in seen:
                    continue
                seen.add(key)
                award_row(row["subject_type"], row["person_id"], row["org_id"], form, day.year, decision_id, reference,
                          day, decided_by, campaign["id"], row["id"], row["summary"],
                          self.bonus(campaign["profile"], form, row["subject_type"], day), "portal")
        # nominees still waiting for a higher decision: their body's Tờ trình upward
        for (campaign_id, code), rows in sorted(self.forwarded.items()):
            campaign = rows[0][1]["campaign"]
            issuer = campaign["issuer_org"]
            forwarding_id = self.ids.next("dossiers_forwarding")
            day = min(campaign["deadline"] + timedelta(days=30), REMINDER_DAY - timedelta(days=2))
            forwardings.append((forwarding_id, issuer["id"], campaign_id, self.HIGHER[self.forms[code].authority][0],
                                f"{rng.randint(10, 300)}/TTr-{issuer['abbreviation']}", day, self.person_name(rng),
                                "Giám đốc", None, at(day), self.staff[common.PROVINCE_APPROVER]))
            for nomination_id, _dossier in rows:
                forwarded_links.append((self.ids.next("dossiers_forwarding_nominations"), forwarding_id, nomination_id))
        portal = len(awards)
        # the register before (and beside) the portal: imported decisions, 2016–2025
        remaining = self.target("awards") - portal
        imported_forms = [("ldtt", 30), ("giay-khen", 24), ("cstd-co-so", 15), ("bang-khen-tinh", 10), ("ttldtt", 5),
                          ("ttldxs", 3), ("cstd-tinh", 3), ("bang-khen-bo", 3), ("bang-khen-ttg", 2),
                          ("co-thi-dua-tinh", 1), ("huan-chuong-ld-3", 1)]
        pick_form = weighted(rng, imported_forms)
        issuers = [o for o in self.orgs if o["kind"] in ("so", "ubnd_huyen", "ubnd_xa") and o["abbreviation"]]
        current_year = REMINDER_DAY.year - 1
        while remaining > 0:
            form = self.forms[pick_form()[0]]
            year = rng.randint(current_year - 9, current_year)
            day = date(year, 12, rng.randint(10, 30)) if year < current_year else date(year, rng.randint(1, 10), 20)
            collective_only = "individual" not in form.subject_types
            if form.authority <= 10:
                body = rng.choice([o for o in issuers if (o["valid_until"] is None or o["valid_until"] > day)
                                   and (o["valid_from"] is None or o["valid_from"] <= day)] or issuers)
                number_key = (body["id"], year)
                own_numbers[number_key] += rng.randint(1, 20)
                reference = f"{own_numbers[number_key]:02d}/QĐ-{body['abbreviation']}"
                decided_by = f"{'Giám đốc' if body['kind'] == 'so' else 'Chủ tịch'} {body['name']}"
                scope = body
            else:
                who, symbol = self.HIGHER[form.authority]
                higher_numbers[(symbol, year)] += rng.randint(1, 40)
                reference = f"{higher_numbers[(symbol, year)]:02d}/{symbol}"
                decided_by = who
                scope = self.root
            size = min(remaining, max(1, int(rng.lognormvariate(3.2, 0.8))))
            if collective_only:
                candidates = [o["id"] for o in self.orgs if o["path"].startswith(scope["path"])]
                chosen = rng.sample(candidates, min(len(candidates), max(1, size // 8)))
                subjects = [("collective", None, oid) for oid in chosen]
            else:
                candidates = self.pool[scope["id"]]
                chosen = rng.sample(candidates, min(len(candidates), size))
                subjects = [("individual", pid, None) for pid in chosen]
            for subject_type, person_id, org_id in subjects:
                key = (subject_type, person_id or org_id, form.id, reference)
                if key in seen:
                    continue
                seen.add(key)
                award_row(subject_type, person_id, org_id, form, year, None, reference, day, decided_by, None, None,
                          "", None, "import" if rng.random() < 0.9 else "manual")
                remaining -= 1
        counts = {
            "dossiers_decision": copy_rows("dossiers_decision", [
                "id", "issuer_id", "kind", "higher_authority", "campaign_id", "number", "symbol", "year", "date",
                "title", "signer_name", "signer_title", "sign_as", "legal_profile_id", "memo_reference",
                "snapshot", "signed_by_id", "created_at"], decisions),
            "dossiers_forwarding": copy_rows("dossiers_forwarding", [
                "id", "issuer_id", "campaign_id", "to_authority", "memo_number", "memo_date", "signer_name",
                "signer_title", "decision_id", "created_at", "created_by_id"], forwardings),
        }
        copy_rows("dossiers_forwarding_nominations", ["id", "forwarding_id", "nomination_id"], forwarded_links)
        counts["dossiers_award"] = copy_rows("dossiers_award", [
            "id", "created_at", "updated_at", "subject_type", "year", "decision_number", "decision_date", "decided_by",
            "achievement", "bonus_amount", "source", "verification_code", "search_text", "award_form_id",
            "campaign_id", "nomination_id", "organisation_id", "person_id", "decision_id"], awards)
        self.counts["awards from the portal's decisions"] = portal
        self.counts["award rows matching “nguyen thi huong”"] = sum(
            1 for row in awards if all(t in row[12] for t in ("nguyen", "thi", "huong")))
        return counts

    def write_ratings(self):
        rng = self.rng
        pick = weighted(rng, [("xuat_sac", 15), ("tot", 65), ("hoan_thanh", 17), ("khong_hoan_thanh", 3)])
        last = REMINDER_DAY.year - 1
        rows = []
        numbers = {}
        for person in self.people:
            unit = person["org"]
            for year in range(last - 4, last + 1):
                if (unit["id"], year) not in numbers:
                    numbers[(unit["id"], year)] = f"{rng.randint(100, 2500)}/QĐ-{unit['abbreviation'] or 'ĐV'}"
                rows.append((self.ids.next("dossiers_annualrating"), year, pick()[0], numbers[(unit["id"], year)],
                             date(year, 12, 25), None, person["id"]))
        for unit in self.current:
            for year in range(last - 4, last + 1):
                if unit["valid_from"] is None or unit["valid_from"].year <= year:
                    rows.append((self.ids.next("dossiers_annualrating"), year, pick()[0], f"{rng.randint(100, 2500)}"
                                 f"/QĐ-UBND", date(year, 12, 28), unit["id"], None))
        return copy_rows("dossiers_annualrating", ["id", "year", "rating", "decision_number", "decision_date",
                                                   "organisation_id", "person_id"], rows)


def verify():
    """Recompute, from the rows as stored, what the models' save() would have written; return the mismatches."""
    from dossiers.models import Award
    from orgs.models import Organisation, Person

    problems = []
    orgs = {o["id"]: o for o in Organisation.objects.values("id", "parent_id", "path", "depth", "name", "short_name",
                                                             "abbreviation", "code", "successor_id", "valid_until")}
    for o in orgs.values():
        path = f"{orgs[o['parent_id']]['path'] if o['parent_id'] else '/'}{o['id']}/"
        if (o["path"], o["depth"]) != (path, path.count("/") - 2):
            problems.append(f"organisation {o['id']}: path {o['path']} ≠ {path}")
        if o["successor_id"] and not o["valid_until"]:
            problems.append(f"organisation {o['id']}: successor without valid_until")
    for pk, stored, name, short, abbreviation, code in Organisation.objects.values_list(
            "id", "search_text", "name", "short_name", "abbreviation", "code"):
        if stored != search_key(name, short, abbreviation, code):
            problems.append(f"organisation {pk}: search_text")
    for pk, stored, full_name in Person.objects.values_list("id", "search_text", "full_name").iterator(5000):
        if stored != search_key(full_name) or full_name != nfc(full_name):
            problems.append(f"person {pk}: search_text")
    for pk, stored, person, unit, form, number in Award.objects.values_list(
            "id", "search_text", "person__full_name", "organisation__name", "award_form__name",
            "decision_number").iterator(5000):
        if stored != search_key(person or unit or "", form, number):
            problems.append(f"award {pk}: search_text")
    return problems


def existing_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT (SELECT COUNT(*) FROM orgs_organisation), (SELECT COUNT(*) FROM dossiers_award)")
        return cursor.fetchone()


def reset():
    name = database_name()
    if "bench" not in name:
        raise SystemExit(f"--reset chỉ chạy trên CSDL có tên chứa “bench” (đây là “{name}”).")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(RESET_TABLES)} RESTART IDENTITY CASCADE")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Sinh dữ liệu quy mô tỉnh cho các bench (PostgreSQL).")
    parser.add_argument("--scale", type=float, default=1.0, help="tỷ lệ so với quy mô tỉnh (mặc định 1.0)")
    parser.add_argument("--reset", action="store_true", help="xóa dữ liệu cũ của cổng trước khi sinh")
    args = parser.parse_args(argv)
    require_postgresql()
    print(f"Sinh dữ liệu quy mô tỉnh ×{args.scale} vào CSDL {database_name()} (seed {SEED})", flush=True)
    watch = Stopwatch()
    if args.reset:
        with watch.step("reset (TRUNCATE … CASCADE)"):
            reset()
    elif existing_rows()[0]:
        raise SystemExit("CSDL đã có dữ liệu (orgs_organisation không trống): chạy lại với --reset.")
    gen = Generator(args.scale)
    with transaction.atomic():
        with watch.step("orgs_organisation") as step:
            gen.build_orgs()
            n = gen.write_orgs()
            step.extra = f"{n} rows ({sum(1 for o in gen.orgs if o['valid_until'])} dissolved, " \
                         f"{sum(1 for o in gen.orgs if o['successor'])} with a successor)"
        with watch.step("orgs_person + auth_user + orgs_membership") as step:
            gen.build_people()
            gen.build_subtree_people()
            gen.build_users()
            people, users, memberships = gen.write_people_and_users()
            step.extra = f"{people} people, {users} users, {memberships} memberships"
        with watch.step("orgs_emulationbloc") as step:
            step.extra = f"{gen.write_blocs()} rows"
        with watch.step("campaigns_* (campaigns, offers, rules…)") as step:
            campaigns, offers, participants, rules = gen.build_campaigns()
            step.extra = f"{campaigns} campaigns, {offers} offers, {participants} participants, {rules} reminder rules"
        with watch.step("dossiers_* (dossiers, nominations, reports…)") as step:
            gen.build_dossiers()
            counts = gen.write_dossiers()
            step.extra = ", ".join(f"{v} {k.replace('dossiers_', '')}" for k, v in counts.items())
        with watch.step("dossiers_decision + dossiers_award") as step:
            counts = gen.write_register()
            step.extra = ", ".join(f"{v} {k.replace('dossiers_', '')}" for k, v in counts.items())
        with watch.step("dossiers_annualrating") as step:
            step.extra = f"{gen.write_ratings()} rows"
        with watch.step("sequences"):
            gen.ids.reset_sequences()
    with watch.step("ANALYZE"):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    with watch.step("verify (path, depth, search_text as save() would)") as step:
        problems = verify()
        step.extra = "ok" if not problems else f"{len(problems)} mismatches, e.g. {problems[:3]}"
    print("COPY per table (rows, seconds; the steps above add the time to build the rows):")
    for table, (rows, spent) in sorted(COPY_TIMES.items(), key=lambda item: -item[1][1]):
        print(f"  {table:<44} {rows:>8} {spent:7.2f} s")
    for label, value in gen.counts.items():
        print(f"  {label:<44} {value}")
    print(f"Tổng thời gian: {watch.total():.1f} s (mục tiêu < 5 phút)")


if __name__ == "__main__":
    main()
