"""DuplicateIndex: exact and near duplicates, redelivery, time window, state export."""

from __future__ import annotations

import hashlib
import json
import random

from services.normaliser.dedup import DuplicateIndex

WIRE = (
    "The foreign ministers of Chile and Peru signed an agreement on Tuesday to reopen their shared border "
    "crossings, which were closed during a dispute over migration last year. Officials said trucks carrying "
    "fruit and copper would be the first to pass when the crossings reopen next week. The Chilean minister "
    "said the deal showed that neighbours could settle their differences through dialogue. Her Peruvian "
    "counterpart said both countries would set up a joint commission to monitor migration and trade. Business "
    "groups in the border regions welcomed the agreement, saying the closure had cost exporters millions of "
    "dollars. Human rights groups urged both governments to protect the rights of migrants stranded near the "
    "frontier. The agreement must still be approved by the congresses of both countries, which are expected "
    "to vote on it before the end of the month. Analysts said the deal could improve relations that have been "
    "strained since a row over fishing rights in the Pacific two years ago."
)
OTHER = (
    "Farmers in the south of France blocked motorways with tractors on Monday to protest against falling "
    "prices and new environmental rules. Police said about two thousand vehicles took part in the protests, "
    "which caused long queues near Toulouse and Montpellier. The agriculture minister promised to meet union "
    "leaders later in the week and said the government was ready to simplify some regulations. Union leaders "
    "said they would continue the blockades until they received written guarantees. Supermarket chains said "
    "deliveries of fresh produce had been delayed in several regions. The protests are the largest since a "
    "similar movement two years ago forced the government to drop a planned tax on diesel for farm machinery."
)


def h(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def edited(text: str, share: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    words = text.split()
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = words[i] + "x"
    return " ".join(words)


def test_first_article_is_not_a_duplicate() -> None:
    assert DuplicateIndex().check_and_add("a", h(WIRE), WIRE, 100.0) == (None, None)


def test_exact_duplicate_under_another_id() -> None:
    idx = DuplicateIndex()
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    assert idx.check_and_add("b", h(WIRE), WIRE, 101.0) == ("a", 1.0)


def test_near_duplicate_light_edits_is_linked_below_one() -> None:
    idx = DuplicateIndex()
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    copy = edited(WIRE, 0.02)
    dup, sim = idx.check_and_add("b", h(copy), copy, 101.0)
    assert dup == "a" and sim is not None and 0.8 <= sim < 1.0


def test_trimmed_wire_copy_is_a_near_duplicate() -> None:
    idx = DuplicateIndex()
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    short = WIRE[: int(len(WIRE) * 0.7)]
    dup, sim = idx.check_and_add("b", h(short), short, 101.0)
    assert dup == "a" and sim is not None and sim >= 0.8


def test_different_article_is_not_a_duplicate() -> None:
    idx = DuplicateIndex()
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    assert idx.check_and_add("c", h(OTHER), OTHER, 101.0) == (None, None)


def test_heavy_rewrite_is_below_threshold() -> None:
    idx = DuplicateIndex(threshold=0.8)
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    rewrite = edited(WIRE, 0.4)
    assert idx.check_and_add("b", h(rewrite), rewrite, 101.0) == (None, None)


def test_redelivery_of_the_same_article_is_not_flagged() -> None:
    idx = DuplicateIndex()
    assert idx.check_and_add("a", h(WIRE), WIRE, 100.0) == (None, None)
    assert idx.check_and_add("a", h(WIRE), WIRE, 200.0) == (None, None)


def test_redelivery_of_a_near_copy_gets_the_same_answer() -> None:
    idx = DuplicateIndex()
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    copy = edited(WIRE, 0.02)
    first = idx.check_and_add("b", h(copy), copy, 101.0)
    assert idx.check_and_add("b", h(copy), copy, 150.0) == first


def test_updated_article_is_judged_afresh() -> None:
    idx = DuplicateIndex()
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    assert idx.check_and_add("a", h(OTHER), OTHER, 101.0) == (None, None)
    assert idx.check_and_add("b", h(WIRE), WIRE, 102.0) == (None, None)  # the old text was forgotten


def test_entries_older_than_the_window_are_forgotten() -> None:
    idx = DuplicateIndex(window_s=3600)
    idx.check_and_add("a", h(WIRE), WIRE, 0.0)
    assert idx.check_and_add("b", h(WIRE), WIRE, 1800.0) == ("a", 1.0)
    copy = edited(WIRE, 0.02)
    assert idx.check_and_add("c", h(copy), copy, 10_000.0) == (None, None)
    assert "a" not in idx


def test_out_of_order_old_entry_is_not_matched() -> None:
    idx = DuplicateIndex(window_s=3600)
    idx.check_and_add("new", h(OTHER), OTHER, 10_000.0)
    idx.check_and_add("old", h(WIRE), WIRE, 0.0)  # submitted late with an old timestamp
    assert idx.check_and_add("b", h(WIRE), WIRE, 10_001.0)[0] != "old"


def test_memory_is_capped_oldest_evicted() -> None:
    idx = DuplicateIndex(max_entries=3)
    texts = [f"{OTHER} Story number {i} with its own words {i * 7} {i * 13}." for i in range(5)]
    for i, t in enumerate(texts):
        idx.check_and_add(f"a{i}", h(t), t, float(i))
    assert len(idx) == 3
    assert "a0" not in idx and "a4" in idx


def test_state_round_trips_through_json() -> None:
    idx = DuplicateIndex()
    idx.check_and_add("a", h(WIRE), WIRE, 100.0)
    entry = idx.entry_for("a")
    assert entry is not None and entry["article_id"] == "a" and len(entry["minhash"]) == 128
    restored = DuplicateIndex()
    restored.restore(json.loads(json.dumps(idx.entries())))
    assert restored.entry_for("a") == entry
    assert restored.check_and_add("b", h(WIRE), WIRE, 101.0) == ("a", 1.0)
    copy = edited(WIRE, 0.02)
    assert restored.check_and_add("c", h(copy), copy, 102.0)[0] == "a"
    assert restored.check_and_add("a", h(WIRE), WIRE, 103.0) == (None, None)


def test_restore_skips_malformed_records() -> None:
    idx = DuplicateIndex()
    idx.restore([{"article_id": "x", "content_hash": "h", "at": 1.0, "minhash": [1, 2]}])
    assert len(idx) == 0
    assert idx.entry_for("x") is None


def test_from_settings_uses_the_configured_threshold_and_window() -> None:
    from services.common.config import Settings

    idx = DuplicateIndex.from_settings(Settings(near_duplicate_threshold=0.9, dedup_window_s=60))
    assert idx.threshold == 0.9 and idx.window_s == 60
