"""Finding who a row of an imported sheet names: a unit by its code (or name), a person by name, date of birth
and unit, a household by its head's name and unit. Shared by the imports of the award register (the register
editors' scope), of a dossier's nominees and of a registration's lines (the unit's own people, units and
households): each caller gives the querysets of its scope, and the resolver reads each kind once for the whole
file. Messages are lower-case clauses the caller turns into a sentence of its per-row report.
"""
import re

from django.db.models.functions import Upper

from core.text import search_key

from ..models import Organisation

HOUSEHOLD_PREFIX = re.compile(r"^ho (ong|ba|gia dinh) ")  # "Hộ ông Nguyễn Văn A", as decisions name a household


class SubjectResolver:
    """The units, people and households the rows may name, each kind read in one query from the querysets given
    (the caller's scope: outside it, nothing is found). `rows`: [{"subject": name or code, "org_code": code}].

    `person_noun` names a person in the messages ("cán bộ" in the register, "cá nhân" among nominees),
    `unit_column` the column that distinguishes two namesakes, `within` the scope searched."""

    def __init__(self, rows, *, units, people, households=None, person_noun="cán bộ",
                 unit_column="Mã đơn vị công tác", within="trong phạm vi quản lý của bạn"):
        codes = {r["subject"].upper() for r in rows if r["subject"]} | {
            r["org_code"].upper() for r in rows if r["org_code"]}
        names = {search_key(r["subject"]) for r in rows if r["subject"]}
        self.units = {unit.upper_code: unit for unit in units.annotate(upper_code=Upper("code"))
                      .filter(upper_code__in=codes)}
        self.unit_scope = units
        self.people = {}
        for person in people.filter(search_text__in=names).select_related("organisation"):
            self.people.setdefault(person.search_text, []).append(person)
        self.households = {}
        if households is not None:
            heads = names | {_head_key(name) for name in names}
            for household in households.select_related("organisation"):
                if (key := search_key(household.head_name)) in heads:
                    self.households.setdefault(key, []).append(household)
        self.successor = dict(Organisation.objects.filter(successor__isnull=False).values_list("pk", "successor_id"))
        self.person_noun, self.unit_column, self.within = person_noun, unit_column, within
        self._named = None

    def unit(self, code):
        return self.units.get(code.upper()) if code else None

    def unit_named(self, name):
        """(unit, None) or (None, message): a unit of the scope by its code, its name or its short name."""
        unit = self.unit(name)
        if unit is not None:
            return unit, None
        if self._named is None:  # read once, only when some row names a collective by its name
            self._named = {}
            for candidate in self.unit_scope:
                for key in {search_key(candidate.name), search_key(candidate.short_name)} - {""}:
                    self._named.setdefault(key, []).append(candidate)
        found = self._named.get(search_key(name), [])
        if len(found) == 1:
            return found[0], None
        if found:
            return None, f"có {len(found)} đơn vị tên “{name}”: hãy ghi {self.unit_column}"
        return None, f"không có tập thể “{name}” {self.within} (ghi đúng tên hoặc {self.unit_column})"

    def _took_over(self, organisation):
        """The unit and the units that took over its work (a person moved with a merger)."""
        ids, current = {organisation.pk}, self.successor.get(organisation.pk)
        while current is not None and current not in ids:
            ids.add(current)
            current = self.successor.get(current)
        return ids

    def _within(self, candidates, unit, organisation_of):
        if unit is None:
            return candidates
        took_over = self._took_over(unit)
        return [c for c in candidates if organisation_of(c).path.startswith(unit.path)
                or organisation_of(c).pk in took_over]

    def person(self, name, date_of_birth, unit):
        """(person, None) or (None, message)."""
        noun = self.person_noun
        candidates = self._within(self.people.get(search_key(name), []), unit, lambda p: p.organisation)
        if date_of_birth is not None:
            candidates = [p for p in candidates if p.date_of_birth == date_of_birth]
        where = f" thuộc “{unit.code}”" if unit is not None else ""
        born = f" sinh ngày {date_of_birth:%d/%m/%Y}" if date_of_birth else ""
        if not candidates and " " not in name.strip() and unit is None and date_of_birth is None:
            return None, f"không có đơn vị mã “{name}” hoặc {noun} tên “{name}” {self.within}"
        if not candidates:
            return None, f"không tìm thấy {noun} “{name}”{born}{where} {self.within}"
        if len(candidates) > 1:
            hint = f"hãy ghi {self.unit_column}" if date_of_birth else "hãy ghi Ngày sinh để phân biệt"
            return None, f"có {len(candidates)} {noun} tên “{name}”{born}{where}: {hint}"
        return candidates[0], None

    def household(self, name, unit):
        """(household, None) or (None, message): by its head's name ("Nguyễn Văn A" or "Hộ ông Nguyễn Văn A")."""
        # the name as written first ("Hồ Bá Thắng" is a name), then without "Hộ ông", "Hộ bà"
        found = self.households.get(search_key(name)) or self.households.get(_head_key(name), [])
        candidates = self._within(found, unit, lambda h: h.organisation)
        where = f" thuộc “{unit.code}”" if unit is not None else ""
        if not candidates:
            return None, f"không tìm thấy hộ gia đình có chủ hộ “{name}”{where} {self.within}"
        if len(candidates) > 1:
            return None, f"có {len(candidates)} hộ gia đình có chủ hộ “{name}”{where}: hãy ghi {self.unit_column}"
        return candidates[0], None


def _head_key(name):
    return HOUSEHOLD_PREFIX.sub("", search_key(name))
