"""Data built once per test module instead of once per test (the permission matrix: ~2,000 cases on one set-up).

A module-scoped fixture builds its data inside `module_transaction()`: one transaction opened before the first
test of the module (on each xdist worker) and rolled back after the last one. Each test that requests `db`
runs, as usual, in pytest-django's own atomic block, which is then a savepoint inside that transaction and is
rolled back when the test ends: every test starts from the same rows, whatever the one before it wrote.

What the rollback does not undo is kept out of the shared data by the fixture that hands it to the tests:
Python objects (give each test a `copy.deepcopy` of the instances, so a test that refreshes or changes one
leaves the next test the pristine copy) and files (a module-wide MEDIA_ROOT; files are only added, a deletion
waits for a commit that never comes). A per-process cache of rows (there is none today) would have to be
emptied before each test, as the rows it kept may be rolled back.

Only for modules whose tests all run inside a transaction: `transactional_db` and `live_server` flush the
tables and close the connection, which would end the module's transaction.
"""
from contextlib import contextmanager
from types import SimpleNamespace

PASSWORD = "MatKhau@123"
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def module_transaction(django_db_blocker):
    """Open a transaction for the data of a module (the body of the `with` builds it), keep it open while the
    module's tests run (the caller yields inside the `with`), roll it back at the end."""
    from django.db import transaction
    from django.test.utils import override_settings

    # the function-scoped `_fast_password_hashing` is not active yet while a wider fixture builds its users;
    # the tests check these passwords with it, so the hashes must be made with it too
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer._from_testcase = True  # like a TestCase's own block: a durable atomic may still open inside
            outer.__enter__()
        try:
            yield
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)


def build_cast():
    """The `cast` fixture's cast (tests/conftest.py), for fixtures of a wider scope: province → Sở →
    {Phòng A, Phòng B}; another Sở outside; one user per role."""
    from orgs.enums import OrgKind, Role
    from tests.factories.orgs import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory

    province = OrganisationFactory(code="T-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Thử",
                                   abbreviation="UBND")
    body = OrganisationFactory(code="T-SNV", kind=OrgKind.SO, name="Sở Nội vụ tỉnh Thử", abbreviation="SNV",
                               parent=province)
    unit_a = OrganisationFactory(code="T-SNV-A", name="Phòng Tổ chức cán bộ", abbreviation="TCCB", parent=body)
    unit_b = OrganisationFactory(code="T-SNV-B", name="Phòng Công chức, viên chức", abbreviation="CCVC",
                                 parent=body)
    other = OrganisationFactory(code="T-STC", kind=OrgKind.SO, name="Sở Tài chính tỉnh Thử", abbreviation="STC",
                                parent=province)
    person_a = PersonFactory(full_name="Nguyễn Thị Hương", organisation=unit_a)
    person_b = PersonFactory(full_name="Lê Văn Bình", organisation=unit_b)
    person_other = PersonFactory(full_name="Hồ Sĩ Nguyên", organisation=other)

    def member(username, organisation, role):
        user = UserFactory(username=username)
        MembershipFactory(user=user, organisation=organisation, role=role)
        return user

    users = {
        "outsider": member("ngoai", other, Role.CLERK),
        "clerk_a": member("canbo_a", unit_a, Role.CLERK),
        "clerk_b": member("canbo_b", unit_b, Role.CLERK),
        "reviewer": member("vanphong", body, Role.REVIEWER),
        "council": member("hoidong", body, Role.COUNCIL),
        "approver": member("lanhdao", body, Role.APPROVER),
        "admin": member("quantri", province, Role.ADMIN),
    }
    # the deployment's system administrator (national data, new provinces): not one of the matrix's roles
    system = UserFactory(username="hethong", is_superuser=True, is_staff=True)
    return SimpleNamespace(province=province, body=body, unit_a=unit_a, unit_b=unit_b, other=other,
                           person_a=person_a, person_b=person_b, person_other=person_other,
                           users=users, password=PASSWORD, system=system, **users)
