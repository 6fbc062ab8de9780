"""An upload whose name is 1,000 characters long is stored under a shortened safe name with its extension, or
refused with a message: never a 500 (issue 16). Every upload form of the permission matrix is sent such a file,
as the role that may write there; every text the request stored fits its column (SQLite does not enforce a
column's length, PostgreSQL does: the check below does it on both)."""
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from tests.test_permission_matrix import (  # noqa: F401 (the matrix's module fixtures)
    MATRIX,
    ROLES,
    WRITTEN,
    client_as,
    matrix_targets,
    row_id,
    set_up,
    targets,
    url_of,
)

LONG_STEM = "Biên bản họp bình xét thi đua khen thưởng năm 2025 của Phòng Tổ chức cán bộ " * 13  # > 1,000


def upload_rows():
    """The matrix's rows that POST a file, with the role whose POST writes."""
    for row in MATRIX:
        role = next((role for role in ROLES if row.get("post", {}).get(role) == WRITTEN), None)
        if role is not None and "SimpleUploadedFile" in row["data"].__code__.co_names:
            yield pytest.param(row, role, id=row_id(row))


def too_long(model, since):
    """[(model, field, length)] of the rows written since the pks in `since` whose text exceeds its column."""
    found = []
    for field in model._meta.fields:
        if isinstance(field, models.CharField | models.FileField) and field.max_length:
            for value in model.objects.filter(pk__gt=since).values_list(field.attname, flat=True):
                if value and len(str(value)) > field.max_length:
                    found.append((model._meta.label, field.name, len(str(value))))
    return found


@pytest.mark.parametrize(("row", "role"), list(upload_rows()))
def test_a_thousand_character_file_name_never_makes_a_500(row, role, targets, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    set_up(row, targets)
    data = row["data"](targets)
    files = {key: value for key, value in data.items() if isinstance(value, SimpleUploadedFile)}
    assert files, "a row of upload_rows() sends no file"
    for key, upload in files.items():
        extension = upload.name.rpartition(".")[2]
        data[key] = SimpleUploadedFile(f"{LONG_STEM}.{extension}", upload.read(), content_type=upload.content_type)
    watched = [model for model in apps.get_models() if model._meta.app_label in
               ("core", "orgs", "dossiers", "documents", "campaigns")]
    since = {model: (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) for model in watched}
    response = client_as(role, targets).post(url_of(row, targets), data)
    assert response.status_code in (200, 302, 400)
    assert [found for model in watched for found in too_long(model, since[model])] == []
    for path in tmp_path.rglob("*"):
        assert len(path.name.encode()) <= 255 and (path.is_dir() or "." in path.name)
