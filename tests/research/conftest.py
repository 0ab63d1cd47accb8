"""Fixtures for the researcher-interface tests."""

import pytest
from research_data import make_archive


@pytest.fixture
def archive_db(tmp_path):
    return make_archive(tmp_path / "archive.sqlite")


@pytest.fixture
def browsing_db(tmp_path):
    from research_data import make_browsing_archive

    return make_browsing_archive(tmp_path / "my archive.sqlite")
