"""Loaded by every Python process that has ``tests/offline`` on ``PYTHONPATH``."""

import netguard

netguard.install()
