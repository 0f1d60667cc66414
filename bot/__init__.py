"""roadmap-bot: a platform-neutral command core that teaches a learning roadmap."""

__version__ = "0.1.0"
