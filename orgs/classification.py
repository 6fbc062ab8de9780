"""Phân loại đối tượng (SubjectClass) of a person, a collective or a household: what the statistical reports
count an award under (docs/domain.md, Statistics). Read when an award is decided or written to the register, and
kept on it."""
from .enums import LeadershipLevel, OrgKind, StaffCategory, SubjectClass

LEADER_CLASSES = {
    LeadershipLevel.MINISTRY_PROVINCE: SubjectClass.LEADER_MINISTRY_PROVINCE,
    LeadershipLevel.DEPARTMENT: SubjectClass.LEADER_DEPARTMENT,
    LeadershipLevel.OTHER: SubjectClass.LEADER_OTHER,
}


def person_class(person):
    """A leader by the level of the post; else a business person; else one who works directly (công chức,
    viên chức and người lao động without a leading post, công nhân, nông dân, citizens: the biểu's
    "người trực tiếp công tác, lao động, học tập…")."""
    if person.leadership in LEADER_CLASSES:
        return LEADER_CLASSES[person.leadership]
    if person.category == StaffCategory.DOANH_NHAN:
        return SubjectClass.BUSINESS_PERSON
    return SubjectClass.DIRECT_WORKER


def organisation_class(organisation):
    return SubjectClass.ENTERPRISE if organisation.kind == OrgKind.DOANH_NGHIEP else SubjectClass.PUBLIC_BODY


def subject_class(*, person=None, organisation=None, household=None):
    """The class of whichever subject is given."""
    if person is not None:
        return person_class(person)
    if household is not None:
        return SubjectClass.HOUSEHOLD
    return organisation_class(organisation) if organisation is not None else ""
