"""The story of tests/documents/conftest.py (Quyết định số 05/QĐ-SNV, its two awardees and all they filed)."""
from tests.documents.conftest import bonus, campaign, decision, dossier, people, profile  # noqa: F401
