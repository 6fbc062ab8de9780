"""The public pages' search forms (GET) and the province's choice of what it publishes."""
import time

from django import forms
from django.core import signing

from core.forms import NfcFormMixin
from dossiers.models.public_comment import CONTACT_MAX, NAME_MAX, TEXT_MAX


class DecisionFilterForm(NfcFormMixin, forms.Form):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200,
                        help_text="Số quyết định, trích yếu, tên người hoặc tập thể được khen thưởng (gõ có dấu hoặc "
                                  "không dấu).")
    nam = forms.TypedChoiceField(label="Năm", required=False, coerce=int, empty_value=None,
                                 widget=forms.Select(attrs={"class": "form-select"}))
    co_quan = forms.CharField(label="Cơ quan quyết định", required=False, max_length=200,
                              help_text="Ví dụ: Sở Nội vụ, Chủ tịch UBND tỉnh.")

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = [("", "Tất cả các năm"), *((y, str(y)) for y in years)]


class LookupForm(NfcFormMixin, forms.Form):
    ten = forms.CharField(label="Họ và tên cá nhân hoặc tên tập thể", required=False, max_length=200,
                          help_text="Gõ có dấu hoặc không dấu, ví dụ: nguyen thi huong.")
    don_vi = forms.CharField(label="Đơn vị", required=False, max_length=200,
                             help_text="Tên cơ quan, đơn vị công tác (kể cả đơn vị cấp dưới).")

    def clean(self):
        data = super().clean()
        name, unit = data.get("ten", "").strip(), data.get("don_vi", "").strip()
        if not name and not unit:
            raise forms.ValidationError("Nhập họ và tên (hoặc tên tập thể), hoặc đơn vị để tra cứu.")
        if name and len(name) < 2:
            self.add_error("ten", "Nhập ít nhất 2 ký tự.")
        return data

    @property
    def searched(self):
        return self.is_bound and any(self.data.get(f, "").strip() for f in ("ten", "don_vi"))


class PublicationSettingsForm(forms.Form):
    """One box per award form of the catalogue: ticked = its decisions and awards are published."""

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for form, published in self.rows:
            self.fields[f"form_{form.pk}"] = forms.BooleanField(label=form.name, required=False, initial=published)

    def published_ids(self):
        return [form.pk for form, _ in self.rows if self.cleaned_data.get(f"form_{form.pk}")]

    def lines(self):
        return [(form, self[f"form_{form.pk}"]) for form, _ in self.rows]


# --- lấy ý kiến nhân dân -------------------------------------------------------------------------------------------
# The public comment form (lấy ý kiến nhân dân) and its anti-abuse checks, none of which needs a third party
# (the portal may run on an intranet):
#
# - a honeypot: a field hidden from people (`website`); a robot filling every field is refused;
# - a signed timestamp (`token`, django.core.signing with the portal's SECRET_KEY): a post sooner than
# MIN_SECONDS after the form was shown (a robot) or later than MAX_AGE (a stale or replayed form) is refused;
# the token names its nominee, so it cannot be reused on another;
# - length limits on every field (the model's);
# - a per-address limit, counted by the view (core.throttle.address_allowed): PER_ADDRESS comments per cool-off.
SALT = "publication.public-comment"
MIN_SECONDS = 3
MAX_AGE = 4 * 3600
PER_ADDRESS = 5
BUCKET = "#y-kien-nhan-dan"
TOO_FAST = "Ý kiến được gửi quá nhanh sau khi mở trang. Vui lòng đọc lại nội dung rồi bấm “Gửi ý kiến” lần nữa."
EXPIRED = "Trang góp ý đã mở quá lâu hoặc không hợp lệ. Nội dung vẫn được giữ: bấm “Gửi ý kiến” lần nữa."
TRAP = "Không gửi được ý kiến: ô “Để trống ô này” phải để trống."
TOO_MANY = ("Địa chỉ mạng của bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau ít phút; nội dung "
            "vẫn được giữ.")


def issue_token(nominee_pk, now=None):
    return signing.dumps({"n": nominee_pk, "t": int(now if now is not None else time.time())}, salt=SALT)


class PublicCommentForm(NfcFormMixin, forms.Form):
    name = forms.CharField(label="Họ và tên", max_length=NAME_MAX,
                           error_messages={"required": "Nhập họ và tên.",
                                           "max_length": f"Họ và tên không quá {NAME_MAX} ký tự."})
    contact = forms.CharField(label="Địa chỉ, số điện thoại hoặc thư điện tử", max_length=CONTACT_MAX,
                              help_text="Để Văn phòng liên hệ khi cần làm rõ; không công khai.",
                              error_messages={"required": "Nhập địa chỉ, số điện thoại hoặc thư điện tử liên hệ.",
                                              "max_length": f"Thông tin liên hệ không quá {CONTACT_MAX} ký tự."})
    text = forms.CharField(label="Nội dung ý kiến", max_length=TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_MAX}),
                           error_messages={"required": "Nhập nội dung ý kiến.",
                                           "max_length": f"Nội dung ý kiến không quá {TEXT_MAX} ký tự."})
    website = forms.CharField(label="Để trống ô này", required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, nominee, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominee, self.now = nominee, now
        self.fields["token"].initial = issue_token(nominee.pk, now)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(TRAP, code="trap")
        now = self.now if self.now is not None else time.time()
        try:
            stamp = signing.loads(self.data.get("token") or "", salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:  # SignatureExpired too
            raise forms.ValidationError(EXPIRED, code="expired") from None
        if not isinstance(stamp, dict) or stamp.get("n") != self.nominee.pk:
            raise forms.ValidationError(EXPIRED, code="expired")
        if now - stamp.get("t", 0) < MIN_SECONDS:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return data
