"""PostgreSQL facts: the one low home for what is true of PostgreSQL itself.

Type names, the quote-aware SQL text scanner, quoting, default naming rules, the
built-in and extension catalogs and the SQL-reference analyser live here; every
stage asks this package instead of keeping its own copy. It imports only the
kernel, the standard library and pglast.
"""
