"""Organisations, people, user memberships and emulation blocs."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.urls import reverse
from django.utils import timezone

from core.models import TimeStampedModel
from core.text import search_key

from .enums import EXTERNAL_KINDS, BlocKind, Gender, LeadershipLevel, OrgKind, Role, StaffCategory

PATH_SEP = "/"


def subtree_q(paths, prefix="path"):
    """Q matching every organisation under any of `paths` (themselves included)."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{prefix}__startswith": path})
    return query


class OrganisationQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gt=on)).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on)
        )

    def for_user(self, user, roles=None):
        """Organisations the user may see: the subtrees of their memberships."""
        from .scope import scope_paths

        if user.is_superuser:
            return self.all()
        return self.filter(subtree_q(scope_paths(user, roles)))


class Organisation(TimeStampedModel):
    """Cơ quan, đơn vị: one body in the organisation tree (UBND, Sở, phòng, trung tâm, xã…)."""

    code = models.CharField("mã đơn vị", max_length=40, unique=True,
                            help_text="Mã duy nhất, dùng khi nhập Excel (ví dụ QT-SNV-VP).")
    kind = models.CharField("loại", max_length=20, choices=OrgKind.choices, default=OrgKind.PHONG)
    name = models.CharField("tên đầy đủ", max_length=255)
    short_name = models.CharField("tên ngắn", max_length=120, blank=True)
    abbreviation = models.CharField(
        "ký hiệu viết tắt", max_length=20, blank=True,
        help_text="Dùng trong số, ký hiệu văn bản, ví dụ SNV trong 173/KH-SNV.")
    place_name = models.CharField(
        "địa danh", max_length=80, blank=True,
        help_text="Dùng trong dòng ngày tháng của văn bản, ví dụ Quảng Trị.")
    head_title = models.CharField(
        "chức danh người đứng đầu", max_length=60, blank=True,
        help_text="In ở chữ ký văn bản (GIÁM ĐỐC, KT. CHỦ TỊCH…). Để trống: theo loại cơ quan "
                  "(Chủ tịch, Giám đốc, Trưởng phòng…).")
    parent = models.ForeignKey(
        "self", verbose_name="đơn vị cấp trên", null=True, blank=True,
        on_delete=models.PROTECT, related_name="children")
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=40, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    valid_from = models.DateField("hoạt động từ ngày", null=True, blank=True)
    valid_until = models.DateField(
        "ngừng hoạt động từ ngày", null=True, blank=True,
        help_text="Ngày giải thể, sáp nhập (đơn vị không còn hoạt động từ ngày này).")
    successor = models.ForeignKey(
        "self", verbose_name="đơn vị kế thừa", null=True, blank=True,
        on_delete=models.PROTECT, related_name="predecessors")
    standing_office = models.ForeignKey(
        "self", verbose_name="cơ quan thường trực Hội đồng TĐKT", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="offices_for",
        help_text="Cơ quan nhận, thẩm định hồ sơ và chuẩn bị họp Hội đồng cho các phong trào cơ quan này phát động "
                  "(ví dụ Sở Nội vụ đối với UBND tỉnh). Văn phòng và thành viên Hội đồng của cơ quan thường trực làm "
                  "việc trên các phong trào đó, và chỉ các phong trào đó. Để trống: cơ quan tự thẩm định.")
    order = models.PositiveIntegerField("thứ tự", default=0)
    path = models.CharField(max_length=400, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    search_text = models.CharField(max_length=600, editable=False, default="", db_index=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "cơ quan, đơn vị"
        verbose_name_plural = "cơ quan, đơn vị"
        ordering = ["path"]

    @property
    def is_external(self):
        """An enterprise or another organisation outside the public service (orgs.enums.EXTERNAL_KINDS)."""
        return self.kind in EXTERNAL_KINDS

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("orgs:organisation_detail", args=[self.pk])

    # --- validity -----------------------------------------------------------------------------
    def is_current(self, on=None):
        on = on or timezone.localdate()
        started = self.valid_from is None or self.valid_from <= on
        return started and (self.valid_until is None or self.valid_until > on)

    @property
    def is_dissolved(self):
        return self.valid_until is not None and self.valid_until <= timezone.localdate()

    # --- tree ---------------------------------------------------------------------------------
    def ancestor_ids(self):
        """Ids from the root down to the parent."""
        return [int(part) for part in self.path.strip(PATH_SEP).split(PATH_SEP) if part][:-1]

    def root_id(self):
        """The id of this unit's root (its province); for an unsaved unit, its parent's root."""
        if self.path:
            return int(self.path.strip(PATH_SEP).split(PATH_SEP)[0])
        return self.parent.root_id() if self.parent_id else None

    def province_path(self):
        """The tree path of this unit's province ("/1/"): `path__startswith` it selects the whole province."""
        return f"{PATH_SEP}{self.root_id()}{PATH_SEP}"

    def same_province(self, other):
        """Whether `other` lies in this unit's province (the same root): the wall between provinces."""
        return self.root_id() == other.root_id()

    def ancestors(self):
        ids = self.ancestor_ids()
        by_id = Organisation.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def descendants(self, include_self=False):
        qs = Organisation.objects.filter(path__startswith=self.path)
        return qs if include_self else qs.exclude(pk=self.pk)

    def is_descendant_of(self, other):
        return bool(other.path) and self.path.startswith(other.path) and self.pk != other.pk

    def successor_chain(self):
        """Successors in order: the unit that took over, then its own successor, and so on."""
        chain, seen, current = [], {self.pk}, self.successor
        while current is not None and current.pk not in seen:
            chain.append(current)
            seen.add(current.pk)
            current = current.successor
        return chain

    def current_successor(self):
        chain = self.successor_chain()
        return chain[-1] if chain else None

    def reviewing_office(self):
        """The body whose office receives and reviews the dossiers of the campaigns this body issues: its standing
        office, or (none named: "tự thẩm định") the body itself."""
        return self.standing_office if self.standing_office_id else self

    def lineage_ids(self):
        """This unit and every unit merged into it, at any depth (award history follows them)."""
        ids, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = list(
                Organisation.objects.filter(successor_id__in=frontier)
                .exclude(pk__in=ids).values_list("pk", flat=True))
            ids.update(frontier)
        return ids

    # --- integrity ----------------------------------------------------------------------------
    def clean(self):
        errors = {}
        if self.pk and self.parent_id:
            if self.parent_id == self.pk or (self.parent and self.parent.is_descendant_of(self)):
                errors["parent"] = "Đơn vị cấp trên không được là chính đơn vị này hoặc đơn vị cấp dưới của nó."
        if self.successor_id and self.pk and self.successor_id == self.pk:
            errors["successor"] = "Đơn vị kế thừa phải là một đơn vị khác."
        if self.successor_id and not self.same_province(self.successor):
            errors["successor"] = "Đơn vị kế thừa phải thuộc cùng tỉnh (cùng cây tổ chức)."
        if self.successor_id and self.pk and self.pk in {o.pk for o in self.successor.successor_chain()}:
            errors["successor"] = "Chuỗi đơn vị kế thừa bị vòng lặp."
        if self.standing_office_id and self.standing_office_id == self.pk:
            errors["standing_office"] = ("Cơ quan thường trực phải là một cơ quan khác (để trống nếu cơ quan tự thẩm "
                                         "định).")
        elif self.standing_office_id and not self.same_province(self.standing_office):
            errors["standing_office"] = "Cơ quan thường trực phải thuộc cùng tỉnh (cùng cây tổ chức) với cơ quan này."
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            errors["valid_until"] = "Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động."
        if self.successor_id and not self.valid_until:
            errors["valid_until"] = "Đơn vị có đơn vị kế thừa phải có ngày ngừng hoạt động."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.name, self.short_name, self.abbreviation, self.code)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._sync_path()

    def _sync_path(self):
        """Keep the materialised path ('/1/5/12/') of this node and its subtree in step."""
        parent_path = ""
        if self.parent_id:
            parent_path = Organisation.objects.filter(pk=self.parent_id).values_list("path", flat=True)[0]
        new_path = f"{parent_path or PATH_SEP}{self.pk}{PATH_SEP}"
        old_path = self.path
        if new_path == old_path:
            return
        new_depth = new_path.count(PATH_SEP) - 2
        if old_path:
            Organisation.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
                depth=F("depth") + (new_depth - self.depth),
            )
        Organisation.objects.filter(pk=self.pk).update(path=new_path, depth=new_depth)
        self.path, self.depth = new_path, new_depth

    @property
    def head(self):
        """The title of the body's head: "Giám đốc", "Chủ tịch" (its own, or its kind's)."""
        from .enums import HEAD_TITLES

        return self.head_title or HEAD_TITLES.get(self.kind, "Thủ trưởng")

    @property
    def authority(self):
        """Who decides in the body's name: "Giám đốc Sở Nội vụ tỉnh Quảng Trị", "Chủ tịch Ủy ban nhân dân tỉnh …"
        (the register, the decision list and "của …" lines name this, never the deputy who signed)."""
        return f"{self.head} {self.name}"

    @property
    def council_name(self):
        """The body's Hội đồng Thi đua – Khen thưởng: "… tỉnh Quảng Trị" for a UBND, "… Sở Nội vụ …" otherwise."""
        from .enums import COLLECTIVE_NAMES

        name = self.name
        prefix = COLLECTIVE_NAMES.get(self.kind, "")
        if prefix and name.lower().startswith(prefix.lower() + " "):
            name = name[len(prefix) + 1:]
        return f"Hội đồng Thi đua – Khen thưởng {name}"

    @property
    def collective_name(self):
        """What a collective body signs "TM." in ("Ủy ban nhân dân"), else its own name."""
        from .enums import COLLECTIVE_NAMES

        return COLLECTIVE_NAMES.get(self.kind, self.name)

    def document_symbol(self, kind_code):
        """'KH' -> 'KH-SNV': the symbol part of a document number."""
        return f"{kind_code}-{self.abbreviation}" if self.abbreviation else kind_code


def names_within(units, body):
    """{unit id: its name as a document of `body` names it}: with its parent bodies below `body` when it is
    not one of `body`'s own units ("Phòng Quản lý ngân sách, Sở Tài chính" in a decision of the UBND tỉnh),
    its name alone inside `body` ("Phòng Tổ chức cán bộ" in the Sở's own). One query."""
    chains = {unit.pk: unit.ancestor_ids() for unit in units if unit is not None}  # root … parent
    ancestor_ids = {pk for chain in chains.values() for pk in chain}
    names = dict(Organisation.objects.filter(pk__in=ancestor_ids).values_list("pk", "name")) if ancestor_ids else {}
    labels = {}
    for unit in units:
        if unit is None:
            continue
        chain = chains[unit.pk]
        if body is not None and body.pk in chain:
            chain = chain[chain.index(body.pk) + 1:]  # the ancestors below the body
        else:
            chain = chain[-1:]  # outside the body's tree: its parent body names it
        labels[unit.pk] = ", ".join([unit.name, *(names[pk] for pk in reversed(chain) if pk in names)])
    return labels


class PersonQuerySet(models.QuerySet):
    def for_user(self, user, roles=None):
        from .scope import scope_paths

        if user.is_superuser:
            return self.all()
        return self.filter(subtree_q(scope_paths(user, roles), prefix="organisation__path"))


class Person(TimeStampedModel):
    """Cán bộ, công chức, viên chức, người lao động, and the citizens, workers and business people a unit may
    nominate (category): a person who may be nominated. `organisation` is where the person works, or for one
    outside the public service, the unit that manages the record (the commune of residence, the enterprise)."""

    full_name = models.CharField("họ và tên", max_length=120)
    gender = models.CharField("giới tính", max_length=3, choices=Gender.choices)
    date_of_birth = models.DateField("ngày sinh", null=True, blank=True)
    position = models.CharField("chức vụ", max_length=160, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name="đơn vị công tác", on_delete=models.PROTECT, related_name="people")
    category = models.CharField(
        "đối tượng", max_length=20, choices=StaffCategory.choices, default=StaffCategory.CONG_CHUC)
    leadership = models.CharField(
        "cấp lãnh đạo", max_length=8, choices=LeadershipLevel.choices, default=LeadershipLevel.NONE, blank=True,
        help_text="Dùng cho báo cáo thống kê thi đua, khen thưởng (phân loại đối tượng).")
    address = models.CharField("nơi cư trú, nơi làm việc", max_length=255, blank=True,
                               help_text="Với người ngoài cơ quan nhà nước: địa chỉ, nơi làm việc.")
    hometown = models.CharField("quê quán", max_length=200, blank=True)
    qualification = models.CharField("trình độ chuyên môn", max_length=200, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    phone = models.CharField("điện thoại", max_length=40, blank=True)
    is_active = models.BooleanField("đang công tác", default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="tài khoản", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="person")
    search_text = models.CharField(max_length=400, editable=False, default="", db_index=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ, công chức, viên chức"
        ordering = ["organisation__path", "full_name", "pk"]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("orgs:person_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.full_name)
        super().save(*args, **kwargs)


class HouseholdQuerySet(models.QuerySet):
    def for_user(self, user, roles=None):
        from .scope import scope_paths

        if user.is_superuser:
            return self.all()
        return self.filter(subtree_q(scope_paths(user, roles), prefix="organisation__path"))


class Household(TimeStampedModel):
    """Hộ gia đình: a household a unit (the commune where it lives, usually) may nominate, named by its head
    ("Hộ ông Nguyễn Văn A"). Enters the register and the history like a person or a collective."""

    head_name = models.CharField("họ và tên chủ hộ", max_length=120)
    head_gender = models.CharField("giới tính chủ hộ", max_length=3, choices=Gender.choices, default=Gender.MALE)
    address = models.CharField("địa chỉ", max_length=255, help_text="Thôn, xã, ví dụ: thôn Đông Hà, xã Cam Lộ.")
    organisation = models.ForeignKey(
        Organisation, verbose_name="đơn vị quản lý", on_delete=models.PROTECT, related_name="households",
        help_text="Đơn vị đề nghị khen thưởng hộ gia đình (thường là UBND xã nơi cư trú).")
    activity = models.CharField("lĩnh vực hoạt động, thành tích chính", max_length=255, blank=True)
    search_text = models.CharField(max_length=400, editable=False, default="", db_index=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = "hộ gia đình"
        verbose_name_plural = "hộ gia đình"
        ordering = ["organisation__path", "head_name", "pk"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        """"Hộ ông Nguyễn Văn A", as decisions name a household."""
        return f"Hộ {'bà' if self.head_gender == Gender.FEMALE else 'ông'} {self.head_name}"

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.head_name, self.address)
        super().save(*args, **kwargs)


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        """Memberships an admin may see: those on organisations of their admin scope."""
        from .scope import scope_paths

        if user.is_superuser:
            return self.all()
        return self.filter(subtree_q(scope_paths(user, [Role.ADMIN]), prefix="organisation__path"))


class Membership(models.Model):
    """Phân quyền: a user holds a role in an organisation (and its sub-units)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="tài khoản",
                             on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, verbose_name="cơ quan, đơn vị",
                                     on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("vai trò", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField("cấp lúc", auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        ordering = ["organisation__path", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"


class EmulationBlocQuerySet(models.QuerySet):
    def for_user(self, user):
        from .scope import scope_paths

        if user.is_superuser:
            return self.all()
        return self.filter(subtree_q(scope_paths(user), prefix="organiser__path"))


class EmulationBloc(TimeStampedModel):
    """Khối / Cụm thi đua: units that compete together and sign a yearly covenant."""

    name = models.CharField("tên khối, cụm", max_length=255)
    kind = models.CharField("loại", max_length=10, choices=BlocKind.choices, default=BlocKind.KHOI)
    organiser = models.ForeignKey(
        Organisation, verbose_name="cơ quan tổ chức", on_delete=models.PROTECT,
        related_name="organised_blocs",
        help_text="Cơ quan quản lý khối, cụm (ví dụ UBND tỉnh, Sở Nội vụ).")
    members = models.ManyToManyField(Organisation, verbose_name="đơn vị thành viên",
                                     related_name="blocs", blank=True)
    leader = models.ForeignKey(
        Organisation, verbose_name="đơn vị trưởng khối, cụm", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="led_blocs")
    description = models.TextField("ghi chú", blank=True)
    is_active = models.BooleanField("đang hoạt động", default=True)

    objects = EmulationBlocQuerySet.as_manager()

    class Meta:
        verbose_name = "khối, cụm thi đua"
        verbose_name_plural = "khối, cụm thi đua"
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("orgs:bloc_detail", args=[self.pk])


class SecondFactorPolicy(models.Model):
    """Xác thực hai bước of one province: which roles must confirm a sign-in with a code from an authenticator app
    (TOTP). A province without a row follows the defaults below (the secure default: leaders, admins and the
    office that reviews); the province's admin and the system administrator change it on its own page."""

    province = models.OneToOneField(Organisation, verbose_name="tỉnh", on_delete=models.CASCADE,
                                    related_name="second_factor_policy")
    for_admins = models.BooleanField("Quản trị", default=True)
    for_approvers = models.BooleanField("Lãnh đạo (phê duyệt, ký quyết định)", default=True)
    for_reviewers = models.BooleanField("Thường trực / Văn phòng (thẩm định hồ sơ)", default=True)
    for_council = models.BooleanField("Thành viên Hội đồng TĐKT", default=False)
    for_clerks = models.BooleanField("Cán bộ làm công tác TĐKT của đơn vị", default=False)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    # the field of each role (Role values)
    FIELDS = {Role.ADMIN: "for_admins", Role.APPROVER: "for_approvers", Role.REVIEWER: "for_reviewers",
              Role.COUNCIL: "for_council", Role.CLERK: "for_clerks"}

    class Meta:
        verbose_name = "chính sách xác thực hai bước"
        verbose_name_plural = "chính sách xác thực hai bước"

    def __str__(self):
        return f"Xác thực hai bước – {self.province}"

    def clean(self):
        if self.province_id and self.province.parent_id is not None:
            raise ValidationError({"province": "Chính sách xác thực hai bước đặt cho cả tỉnh (đơn vị cấp cao nhất)."})

    def required_roles(self):
        """The roles (Role values) that must use a second factor in this province."""
        return {role for role, field in self.FIELDS.items() if getattr(self, field)}
