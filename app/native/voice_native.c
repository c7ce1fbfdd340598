/* voice_native: the service's compiled part. Links PortAudio the way PyAudio does
 * (headers from portaudio19-dev at build time, libportaudio.so.2 from libportaudio2 at run time). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <portaudio.h>

/* Version queries only: Pa_Initialize would probe sound devices, and containers have none. */
static PyObject *portaudio_version(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString(Pa_GetVersionText());
}

static PyObject *portaudio_version_number(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(Pa_GetVersion());
}

static PyObject *rms(PyObject *self, PyObject *args)
{
    Py_buffer pcm;
    if (!PyArg_ParseTuple(args, "y*:rms", &pcm))
        return NULL;
    if (pcm.len % 2 != 0) {
        PyBuffer_Release(&pcm);
        PyErr_SetString(PyExc_ValueError, "16-bit PCM needs an even number of bytes");
        return NULL;
    }
    const unsigned char *bytes = pcm.buf;
    Py_ssize_t count = pcm.len / 2;
    double sum = 0.0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < count; i++) {
        /* assembled byte by byte: little-endian whatever the host's byte order */
        int16_t sample = (int16_t)(bytes[2 * i] | (bytes[2 * i + 1] << 8));
        sum += (double)sample * sample;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&pcm);
    return PyFloat_FromDouble(count ? sqrt(sum / count) : 0.0);
}

static PyMethodDef methods[] = {
    {"portaudio_version", portaudio_version, METH_NOARGS, "PortAudio's version text."},
    {"portaudio_version_number", portaudio_version_number, METH_NOARGS, "PortAudio's version number."},
    {"rms", rms, METH_VARARGS, "rms(samples: bytes) -> float: RMS of 16-bit little-endian PCM."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "voice_native", NULL, -1, methods};

PyMODINIT_FUNC PyInit_voice_native(void)
{
    return PyModule_Create(&module);
}
