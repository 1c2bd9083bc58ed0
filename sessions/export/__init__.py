"""The parts of the Markdown export, one module per family; ``sessions.markdown`` puts
them together in the template's order."""
