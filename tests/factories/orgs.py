import factory
from django.contrib.auth import get_user_model

from orgs.enums import Gender, OrgKind, StaffCategory
from orgs.models import EmulationBloc, Membership, Organisation, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"DV-{n:04d}")
    kind = OrgKind.PHONG
    name = factory.Sequence(lambda n: f"Phòng Nghiệp vụ số {n}")
    abbreviation = "PNV"
    place_name = "Quảng Trị"

    @factory.post_generation
    def second_factor(obj, create, extracted, **kwargs):
        """A province (no parent) made by a test says which roles need a second factor: none, unless the test passes
        them (`second_factor=[Role.APPROVER]`); `second_factor__defaults=True` leaves it without a policy row (the
        secure defaults a province made on its page gets)."""
        if not create or obj.parent_id is not None or kwargs.get("defaults"):
            return
        from orgs.models import SecondFactorPolicy

        roles = set(extracted or ())
        SecondFactorPolicy.objects.create(province=obj, **{
            field: role in roles for role, field in SecondFactorPolicy.FIELDS.items()})


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Trần Văn Thử {n}")
    gender = Gender.MALE
    position = "Chuyên viên"
    category = StaffCategory.CONG_CHUC
    organisation = factory.SubFactory(OrganisationFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Người"
    last_name = "Dùng"
    password = factory.PostGenerationMethodCall("set_password", "MatKhau@123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "clerk"


class EmulationBlocFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationBloc

    name = factory.Sequence(lambda n: f"Khối thi đua số {n}")
    organiser = factory.SubFactory(OrganisationFactory)
