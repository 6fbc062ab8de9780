"""The statistical biểu as documents (documents.registry): one kind per biểu, the object a body, the part a year.
Never frozen: a report is printed from the register as it stands (a new print after a change is a new file)."""
from documents.registry import register

from .services.bodies import FIRST_YEAR, bodies_for, years
from .services.statutory import FORMS


def _years(body):
    return [str(year) for year in years() if year >= FIRST_YEAR]


def _register(code, label, builder):
    def build(body, part=""):
        return builder(body, int(part))

    register(f"bieu_{code}", label=f"Biểu {code}.N/BNV-TĐKT – {label}", template="documents/bieu_thong_ke.html",
             model="orgs.Organisation", visible=bodies_for, frozen=lambda body: False, parts=_years,
             filename=lambda c: f"Biểu {c['code'].split('.')[0]} năm {c['year']} {c['reporter']}")(build)


for _code, (_label, _builder) in FORMS.items():
    _register(_code, _label, _builder)
