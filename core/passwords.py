"""The portal's password policy (OWASP ASVS 4.0.3 L2, V2.1; settings.AUTH_PASSWORD_VALIDATORS), in Vietnamese.

- at least PASSWORD_MIN_LENGTH characters (12), at most 128 (ASVS 2.1.1, 2.1.2: 64 and more are allowed);
- not one of Django's 20,000 common passwords, nor all digits (Django's validators, whose messages Django's
  Vietnamese catalogue already translates), nor too like the user's username, names or e-mail;
- not made mostly of what an attacker guesses first (ObviousPasswordValidator, ASVS 2.1.7 on an intranet with
  no breached-password service to ask): the user's username, names and e-mail, the portal's words, the names
  of the provinces (the 34 of 2025 and the 63 before), years, a character repeated, runs such as "1234",
  "abcd", "qwerty". Once those parts are taken out, at least 8 characters must remain. No composition rules
  (ASVS 2.1.9): any characters, Vietnamese letters and spaces included.

Accounts created by `set_password` (the demo data) are not checked: the policy applies to what people type.
"""
import re
import unicodedata

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

# The words of the portal and of public administration that a password is first guessed from.
PORTAL_WORDS = (
    "thi đua", "khen thưởng", "tđkt", "tdkt", "mật khẩu", "password", "passwd", "quản trị", "admin",
    "hệ thống", "cổng", "sở nội vụ", "nội vụ", "ủy ban", "ubnd", "việt nam", "cán bộ", "văn phòng",
    "welcome", "login", "đăng nhập", "iloveyou", "xin chào",
)
# The provinces and centrally-run cities: the 34 since 12/6/2025 and the 63 before (a clerk's own province is
# the likeliest word of all).
PROVINCES = (
    "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Sài Gòn", "Cần Thơ", "Lai Châu", "Điện Biên",
    "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai",
    "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai",
    "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    "Bà Rịa", "Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bến Tre", "Bình Định", "Bình Dương",
    "Bình Phước", "Bình Thuận", "Đắk Nông", "Hà Giang", "Hà Nam", "Hải Dương", "Hậu Giang", "Hòa Bình",
    "Kiên Giang", "Kon Tum", "Long An", "Nam Định", "Ninh Thuận", "Quảng Bình", "Quảng Nam", "Sóc Trăng",
    "Thái Bình", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Vĩnh Phúc", "Yên Bái", "Phú Yên",
)
# Keyboard rows and alphabets: three or more of their characters in a row, either way, are a run.
RUNS = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc")
MAX_LENGTH = 128


def plain(text):
    """Lower case, without Vietnamese marks (đ → d): "Quảng Trị" and "quang tri" are one word."""
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def _word_pattern(word):
    """A word matched with any separators (or none) between its parts: "thi dua", "thi.dua", "ThiDua"."""
    parts = re.findall(r"[a-z0-9]+", plain(word))
    return r"[\W_]*".join(map(re.escape, parts)) if parts else None


def _run_spans(text):
    """(start, end) of every run of 3+ characters that follow each other in RUNS (either way) or repeat."""
    spans = [m.span() for m in re.finditer(r"(.)\1{2,}", text)]
    for row in RUNS:
        for line in (row, row[::-1]):
            start = 0
            while start < len(text) - 2:
                end = start
                while end + 1 < len(text) and line.find(text[end] + text[end + 1]) >= 0:
                    end += 1
                if end - start >= 2:
                    spans.append((start, end + 1))
                    start = end + 1
                else:
                    start += 1
    return spans


def _identity_words(user):
    if user is None:
        return []
    email = getattr(user, "email", "") or ""
    local, _, domain = email.partition("@")
    names = " ".join(filter(None, [getattr(user, "first_name", ""), getattr(user, "last_name", "")]))
    words = [getattr(user, "username", "") or "", local, domain.split(".")[0]]
    words += [name for name in re.split(r"[\s._-]+", plain(names)) if len(name) >= 3]
    words += re.split(r"[._-]+", plain(words[0]))  # "canbo.luutru": "canbo", "luutru"
    return [word for word in words if len(plain(word)) >= 3]


def rest_of(password, user=None, words=()):
    """What remains of a password once its obvious parts are taken out (see the module)."""
    text = plain(password)
    patterns = [_word_pattern(word) for word in (*_identity_words(user), *words, *PORTAL_WORDS, *PROVINCES,
                                                  settings.PORTAL_NAME)]
    patterns = sorted(filter(None, set(patterns)), key=len, reverse=True)
    if patterns:
        text = re.sub("|".join(patterns), "", text)
    text = re.sub(r"(?:19|20)\d\d", "", text)  # years
    for start, end in sorted(_run_spans(text), reverse=True):
        text = text[:start] + "\0" * (end - start) + text[end:]
    return text.replace("\0", "")


class ObviousPasswordValidator:
    """Refuses a password made mostly of guessable parts: fewer than `min_rest` characters remain without them.
    `words`: more words of the place (a Sở's own names), PASSWORD_EXTRA_WORDS in the settings."""

    def __init__(self, min_rest=8, words=()):
        self.min_rest = min_rest
        self.words = tuple(words)

    def validate(self, password, user=None):
        rest = rest_of(password, user, self.words)
        if len(rest) < self.min_rest:
            raise ValidationError(
                "Mật khẩu quá dễ đoán: phần lớn là tên đăng nhập, họ tên, e-mail, tên cổng hay tên tỉnh, năm, "
                "ký tự lặp lại hoặc liền nhau (như “1234”, “abcd”, “qwerty”). Bỏ những phần đó đi chỉ còn "
                f"{len(rest)} ký tự; cần ít nhất {self.min_rest}.",
                code="password_obvious")

    def get_help_text(self):
        return ("Mật khẩu không được dựa vào tên đăng nhập, họ tên, e-mail, tên cổng, tên tỉnh, năm, ký tự lặp "
                "lại hay liền nhau; một câu dễ nhớ với người dùng nhưng khó đoán với người khác là tốt nhất.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự.",
                                  code="password_too_short")

    def get_help_text(self):
        return f"Mật khẩu của bạn phải chứa ít nhất {self.min_length} ký tự."


class MaximumLengthValidator:
    """At most `max_length` characters (128): long passphrases are welcome, a megabyte is not hashed."""

    def __init__(self, max_length=MAX_LENGTH):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(f"Mật khẩu quá dài: tối đa {self.max_length} ký tự.", code="password_too_long")

    def get_help_text(self):
        return f"Mật khẩu có thể dài đến {self.max_length} ký tự, gồm cả dấu cách và chữ có dấu."
