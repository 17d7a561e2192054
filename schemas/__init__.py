"""Pydantic models for every topic; see ``schemas.models``."""

from schemas.models import *  # noqa: F403
from schemas.models import SCHEMA_VERSION, TOPIC_MODELS

__all__ = ["SCHEMA_VERSION", "TOPIC_MODELS"]
