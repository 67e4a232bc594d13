import pytest


@pytest.fixture(autouse=True)
def seal_file(settings, tmp_path):
    """Each test seals to a file of its own: verify_audit reads every seal in the file, and a seal made in
    another test's database names links this one does not have."""
    settings.AUDIT_SEAL_FILE = tmp_path / "audit-seals.jsonl"
    return settings.AUDIT_SEAL_FILE
