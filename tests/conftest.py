import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def root() -> Path:
    return ROOT
