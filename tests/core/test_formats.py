import subprocess
import sys
from datetime import date
from pathlib import Path

from django import forms
from django.template import Context, Template
from django.utils import formats, translation

from core.templatetags.portal_tags import tien

ROOT = Path(__file__).resolve().parents[2]


def test_date_input_is_day_first():
    class F(forms.Form):
        d = forms.DateField()

    with translation.override("vi"):
        form = F({"d": "05/03/2025"})
        assert form.is_valid()
    assert form.cleaned_data["d"] == date(2025, 3, 5)


def test_date_output_is_dd_mm_yyyy():
    with translation.override("vi"):
        assert formats.date_format(date(2025, 8, 5), "SHORT_DATE_FORMAT") == "05/08/2025"
        rendered = Template("{{ d|date }}").render(Context({"d": date(2025, 8, 5)}))
    assert rendered == "05/08/2025"


def test_money_uses_dot_separators():
    assert tien(3510000) == "3.510.000 đ"
    assert tien(0) == "0 đ"


def test_production_settings_pass_check_deploy():
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": "postgres://portal:portal@127.0.0.1:5432/portal",
        "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "thidua.snv.quangtri.gov.vn",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
