"""What a line of the Quỹ thi đua, khen thưởng is (docs/domain.md, "The reward fund")."""
from django.db import models


class Direction(models.TextChoices):
    RECEIPT = "in", "Thu"
    SPENDING = "out", "Chi"


class Category(models.TextChoices):
    # receipts: where the money comes from (Luật Thi đua, khen thưởng 2022: the fund is made of the state budget
    # and the contributions of individuals and organisations, and other lawful sources)
    BUDGET = "budget", "Ngân sách nhà nước cấp"
    CONTRIBUTION = "contribution", "Đóng góp của cá nhân, tổ chức"
    OTHER_IN = "other_in", "Nguồn thu hợp pháp khác"
    # spending other than the bonuses of the body's own decisions signed in the portal (those are read from them)
    PRINTING = "printing", "In giấy chứng nhận, bằng khen, làm khung, hiện vật khen thưởng"
    ORGANISING = "organising", "Tổ chức, chỉ đạo phong trào thi đua"
    BONUS_OUTSIDE = "bonus_outside", "Tiền thưởng theo quyết định ngoài cổng"
    RECOVERED = "recovered", "Thu hồi tiền thưởng"
    OTHER_OUT = "other_out", "Chi khác"


CATEGORIES_OF = {
    Direction.RECEIPT: [Category.BUDGET, Category.CONTRIBUTION, Category.RECOVERED, Category.OTHER_IN],
    Direction.SPENDING: [Category.PRINTING, Category.ORGANISING, Category.BONUS_OUTSIDE, Category.OTHER_OUT],
}
