from .guidance import (
    GuidanceIndexPage,
    GuidancePage,
    GuidancePageTag,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    PracticeExampleTag,
    topics_in_use,
)
from .mission import MissionIndexPage, MissionPage

__all__ = [
    "GuidanceIndexPage",
    "GuidancePage",
    "GuidancePageTag",
    "MissionIndexPage",
    "MissionPage",
    "PracticeExampleIndexPage",
    "PracticeExamplePage",
    "PracticeExampleTag",
    "topics_in_use",
]
