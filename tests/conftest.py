"""Shared test set-up.

OpenMP threads spin-wait by default; with torch's two threads and the other core busy, a small
training step slows down 10-30x (see shared/TESTBED_NOTES.md). This must be set before anything
imports torch, which is why it lives here.
"""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
