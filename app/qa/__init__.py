"""Audience questions: submit, vote, moderate, feature."""
