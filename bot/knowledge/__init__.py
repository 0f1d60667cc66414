"""The knowledge base: a roadmap YAML file loaded once into typed, validated objects.

:mod:`bot.knowledge.model` holds the objects and lookups, :mod:`bot.knowledge.loader` reads and
validates a file (every problem as ``file:line: field: message``), and
:mod:`bot.knowledge.words` the optional blocks that help understand learners.
"""

from bot.knowledge.loader import (
    FORMAT_VERSION,
    KnowledgeError,
    Problem,
    bundled_knowledge_path,
    load_knowledge,
    parse_knowledge,
)
from bot.knowledge.model import (
    TRACK_KIND,
    Canned,
    Comparison,
    Knowledge,
    NotCovered,
    Resource,
    RoadmapInfo,
    Section,
    Topic,
    Vocabulary,
    lost_ids,
    stem,
)

__all__ = [
    "FORMAT_VERSION",
    "TRACK_KIND",
    "Canned",
    "Comparison",
    "Knowledge",
    "KnowledgeError",
    "NotCovered",
    "Problem",
    "Resource",
    "RoadmapInfo",
    "Section",
    "Topic",
    "Vocabulary",
    "bundled_knowledge_path",
    "load_knowledge",
    "lost_ids",
    "parse_knowledge",
    "stem",
]
