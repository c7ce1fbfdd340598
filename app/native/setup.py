from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "voice_native",
            sources=["voice_native.c"],
            libraries=["portaudio", "m"],
            extra_compile_args=["-Wall"],
        )
    ]
)
