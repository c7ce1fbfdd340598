"""Sample voice service: health and PCM RMS over HTTP, standard library plus one C extension."""

__version__ = "0.1.0"
