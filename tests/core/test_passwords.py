"""The password policy (OWASP ASVS 4.0.3 L2, V2.1; issue 16): what is accepted and refused, in Vietnamese."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db

ACCEPTED = [
    "Kh0ng-Doan-Duoc#2025",
    "ngựa ô phi qua cầu tre",            # a passphrase with spaces and Vietnamese letters
    "Mưa phùn tháng Hai ở Hà Nội",         # a province in a sentence: enough remains
    "correct horse battery staple",
    "x7#Lq9!vR2$m",                        # 12 characters exactly
    "a" + "ß7kPz!" * 12,                   # 73 characters: long passwords are allowed
    "bốn-mươi-hai-con-mèo-đen",
]
REFUSED = [
    ("Ab1!xyz", "quá ngắn"),                             # 7 characters
    ("Ab1!xyz9kLm", "quá ngắn"),                         # 11
    ("x" * 60 + "Y7!" * 23, "quá dài"),                 # 129
    ("123456789012", "hoàn toàn là số"),
    ("leavemealone", "quá phổ biến"),                    # in the list of 20,000 common passwords
    ("q1w2e3r4t5y6", "quá phổ biến"),
    ("ThiDua@2025", "quá ngắn"),
    ("ThiDuaKhenThuong@2025", "quá dễ đoán"),             # the portal's words and a year
    ("QuangTri@2025!!!", "quá dễ đoán"),                 # a province, a year, a repeat
    ("Quảng Trị 2026 abc", "quá dễ đoán"),               # with the marks too
    ("canbo.luutru2025", "quá dễ đoán"),                 # the username
    ("NguyenThiHuong1987", "quá dễ đoán"),               # the user's names and birth year
    ("huong.nguyen@snv.vn", "quá dễ đoán"),              # the e-mail
    ("aaaaaaaaaaaa1", "quá dễ đoán"),                    # one character repeated
    ("abcdefgh12345678", "quá dễ đoán"),                 # runs of the alphabet and digits
    ("qwertyuiop123!", "quá dễ đoán"),                   # a keyboard row
    ("987654321zyxw", "quá dễ đoán"),                    # runs backwards
    ("Matkhau@123456", "quá dễ đoán"),
    ("Admin@SoNoiVu2025", "quá dễ đoán"),
]


def user():
    return get_user_model()(username="canbo.luutru", first_name="Hương", last_name="Nguyễn Thị",
                            email="huong.nguyen@snv.vn")


@pytest.mark.parametrize("password", ACCEPTED)
def test_accepted(password):
    validate_password(password, user())


@pytest.mark.parametrize(("password", "message"), REFUSED)
def test_refused_with_a_vietnamese_message(password, message):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user())
    assert any(message in text for text in refused.value.messages), refused.value.messages


def test_help_texts_are_vietnamese():
    texts = password_validators_help_texts()
    assert len(texts) == 6
    assert "ít nhất 12 ký tự" in " ".join(texts)
    for text in texts:
        assert not any(word in text for word in ("password", "Your ", "must", "can’t", "can't")), text


def test_the_minimum_comes_from_the_settings(settings):
    settings.AUTH_PASSWORD_VALIDATORS = [{"NAME": "core.passwords.MinimumLengthValidator",
                                          "OPTIONS": {"min_length": 16}}]
    with pytest.raises(ValidationError, match="ít nhất 16 ký tự"):
        validate_password("x7#Lq9!vR2$m-ab")


def test_words_of_the_place_are_refused_too(settings):
    settings.AUTH_PASSWORD_VALIDATORS = [{"NAME": "core.passwords.ObviousPasswordValidator",
                                          "OPTIONS": {"words": ["Phong Nha"]}}]
    validate_password("mưa rừng phong lan tím")
    with pytest.raises(ValidationError):
        validate_password("PhongNha-Ke@2025")
