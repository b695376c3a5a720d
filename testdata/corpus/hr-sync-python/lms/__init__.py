"""Thin client for the 360Learning API (v1), used by the webhook and the scripts."""
from .client import LmsClient

__all__ = ["LmsClient"]
