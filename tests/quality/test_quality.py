"""Quality gate on project-owned articles (tests/quality/articles, gold in tests/quality/gold).

The articles imitate outlet layouts and topics unlike the five shared samples, so
rules tuned to the samples show up here. The scorer is the shared one
(``../shared/eval/score.py`` beside the repository); it is not vendored, so the
test is skipped where the shared checkout is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

# The thresholds the project is held to on unseen articles.
MIN = {
    ("normalise", "junk_removed"): 0.95,
    ("normalise", "content_kept"): 1.0,
    ("normalise", "title_accuracy"): 1.0,
    ("normalise", "published_accuracy"): 1.0,
    ("entities", "f1"): 0.92,
    ("entities", "type_accuracy"): 0.95,
    ("quotes", "f1"): 0.85,
    ("stances", "f1"): 0.70,
    ("events_loose", "f1"): 0.70,
    ("events_strict", "f1"): 0.55,
}


def _score(run: Path, verbose: bool = False) -> str:
    args = [sys.executable, str(SCORER), "--gold", str(GOLD), "--run", str(run)]
    args.append("--verbose" if verbose else "--json")
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.slow
def test_quality_on_project_articles(tmp_path: Path) -> None:
    if not SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SCORER} (needs the ../shared checkout beside the repo)")
    from services.cli.analyse import analyse

    run = tmp_path / "run.jsonl"
    assert analyse([str(ARTICLES)], run) == 0
    summary: dict[str, Any] = json.loads(_score(run).strip().splitlines()[-1])
    assert not summary["articles_missing"], summary["articles_missing"]
    assert summary["deadletter_messages"] == 0
    failed = [f"{section}.{key} = {summary[section][key]} < {floor}"
              for (section, key), floor in MIN.items()
              if summary[section][key] is None or summary[section][key] < floor]
    if failed:
        pytest.fail("quality below thresholds:\n" + "\n".join(failed) + "\n\n" + _score(run, verbose=True))
