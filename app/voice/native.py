"""The C extension, or None when it is not installed (the service then reports native_loaded: false)."""

try:
    import voice_native as module
except ImportError:
    module = None


def loaded() -> bool:
    return module is not None


def portaudio_version() -> str | None:
    return module.portaudio_version() if module else None
