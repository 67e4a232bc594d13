"""The rules each lifecycle move must pass, one module per kind of move: review.py (sending, returning),
signing.py, ending.py (cancelling, terminating). Each function yields every problem, not just the
first, so a refusal names them all. The services in agreements.services call them under the row lock."""
