"""How many messages each agent takes from its topic at once."""

from services.common.config import Settings
from services.common.worker import INLINE_MAX_BATCH, LIGHT_TAKE_SIZE, batch_size_for


def test_the_entity_agent_takes_several_spacy_batches_per_call() -> None:
    settings = Settings(entities_take_size=12, spacy_batch_size=3)
    assert batch_size_for("entities", settings) == 12


def test_light_agents_take_up_to_16_and_run_a_whole_take_on_the_loop() -> None:
    for agent in ("normaliser", "stances", "events"):
        assert batch_size_for(agent, Settings()) == LIGHT_TAKE_SIZE == INLINE_MAX_BATCH == 16
