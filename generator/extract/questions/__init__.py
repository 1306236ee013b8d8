"""Open questions: what an article leaves unverified, denied, contested, alleged, under investigation,
pending, forecast, planned or unknown."""
from generator.extract.questions.decide import extract_open_questions

__all__ = ["extract_open_questions"]
