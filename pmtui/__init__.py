"""pmtui: run blameless postmortem meetings and write the postmortem, in the terminal."""

__version__ = "0.1.0"
