"""Forms of the organisation app. They validate and then call a service in save()."""
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError

from core.concurrency import VersionedFormMixin, Watched
from core.forms import NfcFormMixin
from core.pickers import PickerField, PickerMultipleField
from core.widgets import VnFileInput

from . import pickers
from .enums import OrgKind, Role, StaffCategory
from .models import EmulationBloc, Household, Organisation, Person
from .search import units_named
from .services import accounts, blocs, organisations, people, provinces

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy",
                                                        "autocomplete": "off"})


class OrganisationChoiceField(forms.ModelChoiceField):
    """Organisations shown as an indented tree."""

    def label_from_instance(self, obj):
        return f"{'— ' * obj.depth}{obj.name}"


class OrganisationForm(VersionedFormMixin, NfcFormMixin, forms.ModelForm):
    parent = PickerField(pickers.OTHER_BRANCH, required=False, label="Đơn vị cấp trên")
    standing_office = PickerField(pickers.OTHER_UNIT, required=False, label="Cơ quan thường trực Hội đồng TĐKT",
                                  help_text=Organisation._meta.get_field("standing_office").help_text)

    class Meta:
        model = Organisation
        fields = ["parent", "kind", "name", "short_name", "code", "abbreviation", "place_name", "head_title",
                  "standing_office", "address", "phone", "email", "valid_from", "order"]
        widgets = {"valid_from": DATE_WIDGET}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["parent"].scope(user, organisation=self.instance)
        # a province admin files every new unit under one they administer; a root (the province) stays one
        is_root = bool(self.instance.pk) and not self.instance.parent_id
        self.fields["parent"].required = not user.is_superuser and not is_root
        self.fields["standing_office"].scope(user, organisation=self.instance)

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()

    def save(self, commit=True):
        return organisations.save_organisation(self.instance, by=self.user)


class DissolveForm(NfcFormMixin, forms.Form):
    on = forms.DateField(label="Ngừng hoạt động từ ngày", widget=DATE_WIDGET)
    successor = PickerField(pickers.OTHER_BRANCH, required=False, label="Đơn vị kế thừa",
                                        help_text="Đơn vị tiếp nhận chức năng, nhiệm vụ (nếu có).")
    move_people = forms.BooleanField(label="Chuyển cán bộ đang công tác sang đơn vị kế thừa",
                                     required=False, initial=True)
    move_children = forms.BooleanField(label="Chuyển các đơn vị trực thuộc sang đơn vị kế thừa",
                                       required=False, initial=True)

    def __init__(self, *args, organisation, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation, self.user = organisation, user
        self.fields["successor"].scope(user, organisation=organisation)

    def clean(self):
        cleaned = super().clean()
        on = cleaned.get("on")
        if on and self.organisation.valid_from and on <= self.organisation.valid_from:
            self.add_error("on", "Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động của đơn vị.")
        return cleaned

    def save(self):
        data = self.cleaned_data
        return organisations.dissolve_organisation(
            self.organisation, on=data["on"], successor=data["successor"],
            move_people=data["move_people"], move_children=data["move_children"], by=self.user)


class PersonForm(VersionedFormMixin, NfcFormMixin, forms.ModelForm):
    organisation = PickerField(pickers.STAFF_UNITS, label="Đơn vị công tác")

    class Meta:
        model = Person
        fields = ["full_name", "gender", "date_of_birth", "organisation", "position", "category", "leadership",
                  "address", "hometown", "qualification", "email", "phone", "is_active"]
        widgets = {"date_of_birth": DATE_WIDGET}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].scope(user)

    def save(self, commit=True):
        return people.save_person(self.instance, by=self.user)


class PersonFilterForm(forms.Form):
    q = forms.CharField(label="Tìm theo tên", required=False, widget=forms.TextInput(
        attrs={"placeholder": "ví dụ: nguyen thi huong", "class": "form-control", "type": "search"}))
    # a text box, not a list of the thousands of units a province sees; `?don_vi=<pk>` (links from the
    # home and unit pages) still picks that one unit. Cleaned: the matched units (None: no filter).
    don_vi = forms.CharField(label="Đơn vị (kể cả cấp dưới)", required=False, max_length=100,
                             widget=forms.TextInput(attrs={"placeholder": "tên đơn vị, gõ không dấu được",
                                                           "class": "form-control", "type": "search"}))
    doi_tuong = forms.ChoiceField(label="Đối tượng", required=False,
                                  choices=[("", "Tất cả")] + list(StaffCategory.choices))
    trang_thai = forms.ChoiceField(label="Trạng thái", required=False, choices=[
        ("", "Đang công tác"), ("nghi", "Đã nghỉ, chuyển công tác"), ("tat-ca", "Tất cả")])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.user = user
        for name in ("doi_tuong", "trang_thai"):
            self.fields[name].widget.attrs["class"] = "form-select"

    def clean_don_vi(self):
        text = self.cleaned_data["don_vi"]
        if not text:
            return None
        visible = Organisation.objects.for_user(self.user)
        if text.isascii() and text.isdigit():
            unit = visible.filter(pk=text).first()
            if unit:  # show the unit's name in the box rather than its number
                self.data = self.data.copy()
                self.data["don_vi"] = unit.name
                return [unit]
        return units_named(text, visible)


class PeopleImportForm(forms.Form):
    file = forms.FileField(widget=VnFileInput(attrs={"accept": ".xlsx"}, max_bytes_setting="PEOPLE_IMPORT_MAX_BYTES"),
                           label="Tệp Excel (.xlsx)",
                           help_text="Tối đa 5 MB. Dùng tệp mẫu để đúng tên cột.")


def check_new_login(form, username_field, password_field, email_field):
    """The checks of a new account's username (free) and password (Django's validators), on `form`."""
    username = form.cleaned_data.get(username_field)
    if username and get_user_model().objects.filter(username__iexact=username).exists():
        form.add_error(username_field, "Tên đăng nhập này đã có người dùng.")
    password = form.cleaned_data.get(password_field)
    if password:
        probe = get_user_model()(username=username or "", email=form.cleaned_data.get(email_field, ""))
        try:
            password_validation.validate_password(password, probe)
        except ValidationError as error:
            form.add_error(password_field, error)


def username_field(label="Tên đăng nhập"):
    return forms.RegexField(label=label, max_length=150, regex=r"^[\w.@+-]+$",
                            error_messages={"invalid": "Chỉ dùng chữ không dấu, số và . @ + - _"})


def password_field(label="Mật khẩu"):
    return forms.CharField(label=label, widget=forms.PasswordInput(render_value=True),
                           help_text=password_validation.password_validators_help_text_html())


class AccountCreateForm(NfcFormMixin, forms.Form):
    username = username_field()
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    email = forms.EmailField(label="Thư điện tử", required=False)
    password = password_field()
    organisation = PickerField(pickers.ADMIN_UNITS, label="Cơ quan, đơn vị")
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)
    person = PickerField(pickers.UNLINKED_PEOPLE, required=False, label="Gắn với cán bộ (không bắt buộc)")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].scope(user)
        self.fields["person"].scope(user)

    def clean(self):
        cleaned = super().clean()
        check_new_login(self, "username", "password", "email")
        return cleaned

    def save(self):
        data = self.cleaned_data
        return accounts.create_account(
            username=data["username"], full_name=data["full_name"], email=data["email"],
            password=data["password"], organisation=data["organisation"], role=data["role"],
            person=data["person"], by=self.user)


class ProvinceForm(NfcFormMixin, forms.ModelForm):
    """Tạo tỉnh mới: the province's root organisation and its first admin (services.provinces)."""

    admin_username = username_field("Tên đăng nhập của quản trị tỉnh")
    admin_full_name = forms.CharField(label="Họ và tên người quản trị", max_length=150)
    admin_email = forms.EmailField(label="Thư điện tử người quản trị", required=False)
    admin_password = password_field("Mật khẩu ban đầu")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "code", "abbreviation", "place_name", "head_title", "address", "phone",
                  "email"]

    def __init__(self, *args, user, **kwargs):
        kwargs["initial"] = {"name": "Ủy ban nhân dân tỉnh ", "abbreviation": "UBND", **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.user = user
        self.instance.kind = OrgKind.UBND_TINH

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        check_new_login(self, "admin_username", "admin_password", "admin_email")
        return cleaned

    def save(self, commit=True):
        data = self.cleaned_data
        return provinces.create_province(
            self.instance, admin_username=data["admin_username"], admin_full_name=data["admin_full_name"],
            admin_email=data["admin_email"], admin_password=data["admin_password"], by=self.user)


class AccountUpdateForm(VersionedFormMixin, NfcFormMixin, forms.Form):
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    email = forms.EmailField(label="Thư điện tử", required=False)
    is_active = forms.BooleanField(label="Cho phép đăng nhập", required=False)
    person = PickerField(pickers.ACCOUNT_PEOPLE, required=False, label="Gắn với cán bộ")

    def __init__(self, *args, user, account, **kwargs):
        # the record's values under whatever the view passes (FormView always passes an initial, {} by default:
        # a setdefault here opened the form blank, and saving it deactivated the account and unlinked its person)
        kwargs["initial"] = {"full_name": account.get_full_name(), "email": account.email,
                             "is_active": account.is_active, "person": getattr(account, "person", None),
                             **(kwargs.get("initial") or {})}
        self.user, self.account = user, account  # before the version field is added (VersionedFormMixin)
        super().__init__(*args, **kwargs)
        self.fields["person"].scope(user, account=account)

    def version_record(self):
        return getattr(self, "account", None)

    def watched(self):
        """The account's name, e-mail and state, and which person is linked to it."""
        account = type(self.account)._default_manager.filter(pk=self.account.pk)
        return [Watched(account, ("first_name", "last_name", "email", "is_active")),
                Watched(Person.objects.filter(user=self.account.pk), ())]

    def saved_elsewhere(self):
        account = type(self.account)._default_manager.get(pk=self.account.pk)
        return {"full_name": account.get_full_name(), "person": Person.objects.filter(user=account).first()}

    def clean_is_active(self):
        if not self.cleaned_data["is_active"] and self.account.pk == self.user.pk:
            raise ValidationError("Không thể tự khóa tài khoản đang đăng nhập.")
        return self.cleaned_data["is_active"]

    def save(self):
        data = self.cleaned_data
        return accounts.update_account(self.account, full_name=data["full_name"], email=data["email"],
                                       is_active=data["is_active"], person=data["person"], by=self.user)


class MembershipForm(forms.Form):
    organisation = PickerField(pickers.ADMIN_UNITS, label="Cơ quan, đơn vị")
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)

    def __init__(self, *args, user, account, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.account = user, account
        self.fields["organisation"].scope(user)

    def save(self):
        try:
            return accounts.grant_role(self.account, organisation=self.cleaned_data["organisation"],
                                       role=self.cleaned_data["role"], by=self.user)
        except ValidationError as error:
            self.add_error(None, error)
            return None


class BlocForm(VersionedFormMixin, NfcFormMixin, forms.ModelForm):
    organiser = PickerField(pickers.ADMIN_UNITS, label="Cơ quan tổ chức")
    leader = PickerField(pickers.VISIBLE_UNITS, required=False, label="Đơn vị trưởng khối, cụm")
    members = PickerMultipleField(pickers.VISIBLE_UNITS, required=False, label="Đơn vị thành viên")

    class Meta:
        model = EmulationBloc
        fields = ["name", "kind", "organiser", "members", "leader", "description", "is_active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organiser"].scope(user)
        self.fields["members"].scope(user)  # never another province's
        self.fields["leader"].scope(user)

    def clean(self):
        cleaned = super().clean()
        leader, members, organiser = cleaned.get("leader"), cleaned.get("members"), cleaned.get("organiser")
        if leader and members is not None and leader not in members:
            self.add_error("leader", "Đơn vị trưởng khối, cụm phải là một đơn vị thành viên.")
        if organiser and members:
            outside = [unit.name for unit in members if not organiser.same_province(unit)]
            if outside:
                self.add_error("members", f"Đơn vị ngoài tỉnh của cơ quan tổ chức: {', '.join(outside)}.")
        return cleaned

    def save(self, commit=True):
        return blocs.save_bloc(self.instance, self.cleaned_data["members"], by=self.user)


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(label="Mật khẩu mới", widget=forms.PasswordInput)
    password2 = forms.CharField(label="Nhập lại mật khẩu mới", widget=forms.PasswordInput)

    def __init__(self, *args, user, account, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.account = user, account

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "Hai mật khẩu không khớp nhau.")
        elif p1:
            try:
                password_validation.validate_password(p1, self.account)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self):
        accounts.set_password(self.account, self.cleaned_data["password1"], by=self.user)


class HouseholdForm(VersionedFormMixin, NfcFormMixin, forms.ModelForm):
    """Hộ gia đình: the head, the address and the unit that manages it (one of the user's units)."""

    organisation = PickerField(pickers.STAFF_UNITS, label="Đơn vị quản lý (UBND xã nơi cư trú)")

    class Meta:
        model = Household
        fields = ["head_name", "head_gender", "address", "organisation", "activity"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].scope(user)


class HouseholdFilterForm(forms.Form):
    q = forms.CharField(label="Tìm theo tên chủ hộ, địa chỉ", required=False, max_length=200, widget=forms.TextInput(
        attrs={"placeholder": "ví dụ: nguyen van an", "class": "form-control", "type": "search"}))
