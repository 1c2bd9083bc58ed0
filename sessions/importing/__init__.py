"""The parts of reading a Markdown postmortem into a session (``sessions.importer`` runs them).

``markdown_tree`` turns the token stream into sections, ``times`` and ``vocabulary`` read the
values written in them, ``context`` holds what a reading builds up, and one module a family
of sections (metadata, impact, timeline, root cause, …) fills its part of the session.
"""
