"""The agreements' pages: agreement.py (list, page, drafting, history), lifecycle.py (the actions of
agreements.actions), library.py (the libraries and what a draft takes from them), minutes.py (the PDF
and the public verification page)."""
