#!/usr/bin/python3
"""Writes the .npy test fixtures in this folder with real NumPy, plus what NumPy itself reads back from each.

How they were made: on Debian 12, `apt-get install -y python3-numpy` (NumPy 1.24.2), then
`/usr/bin/python3 make_fixtures.py` from this folder. Debian's NumPy belongs to /usr/bin/python3; a `python3`
from another installation on PATH may not have it. CI does not run this script: the files it writes are committed,
and the tests compare the C# reader against them. Rerun it only to add a fixture, and commit what it writes.

For each readable array `<name>.npy` it writes `<name>.expected.json`, produced by NumPy reading the file back
(np.load), not by this script's own numbers: descr, shape, fortran_order, format version and the values flattened
in C order (NaN and +-Infinity as JSON's non-standard NaN/Infinity literals, which Newtonsoft reads).

Files named `error.<case>.npy` are ones the C# reader must refuse; each is made by NumPy too, except where a
comment says which bytes were cut or patched afterwards.
"""

import io
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, array, version=None):
    """Writes name.npy with NumPy's own writer and name.expected.json from NumPy's reading of that file."""
    path = os.path.join(HERE, name + ".npy")
    with open(path, "wb") as f:
        if version is None:
            np.save(f, array, allow_pickle=False)
        else:
            np.lib.format.write_array(f, array, version=version, allow_pickle=False)

    with open(path, "rb") as f:
        version_read = np.lib.format.read_magic(f)
        # NumPy's own header reader (np.load uses it); public wrappers exist only per version.
        shape, fortran_order, dtype = np.lib.format._read_array_header(f, version_read)
    loaded = np.load(path, allow_pickle=False)
    assert loaded.shape == shape and loaded.dtype == dtype
    expected = {
        "descr": np.lib.format.dtype_to_descr(dtype),
        "shape": list(shape),
        "fortran_order": fortran_order,
        "version": list(version_read),
        "values": loaded.reshape(-1, order="C").tolist(),
    }
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(expected, f, allow_nan=True)
        f.write("\n")


def save_error(name, array=None, data=None):
    """Writes error.name.npy: NumPy's bytes for array, or the given bytes (derived from NumPy's output)."""
    if data is None:
        buffer = io.BytesIO()
        np.save(buffer, array, allow_pickle=True)
        data = buffer.getvalue()
    with open(os.path.join(HERE, "error." + name + ".npy"), "wb") as f:
        f.write(data)


def npy_bytes(array, version=None):
    buffer = io.BytesIO()
    if version is None:
        np.save(buffer, array, allow_pickle=False)
    else:
        np.lib.format.write_array(buffer, array, version=version, allow_pickle=False)
    return buffer.getvalue()


# DSP features as downloadDspData sends them: windows x features, float32.
features = np.array(
    [[4.22211, 0.06238, -1.36137],
     [0.46125, 0.16187, -1.32639],
     [1.5e-7, -3.4028235e38, 3.4028235e38],
     [0.0, -0.0, 1.0]],
    dtype="<f4")
save("float32-2d", features)

# Labels as downloadDspLabels sends them: one integer per window.
save("int32-labels", np.array([1, 2, 3, 4, 2, 1, -2147483648, 2147483647], dtype="<i4"))

save("float64-special", np.array(
    [1.0 / 3.0, -0.0, np.nan, np.inf, -np.inf, 5e-324, 1.7976931348623157e308], dtype="<f8"))
save("int64", np.array([[-9223372036854775808, -1, 0], [1, 2 ** 53 + 1, 9223372036854775807]], dtype="<i8"))
save("uint8-3d", np.arange(24, dtype="|u1").reshape(2, 3, 4) * 11)
save("int8", np.array([-128, -1, 0, 1, 127], dtype="|i1"))
save("int16", np.array([-32768, -2, 0, 3, 32767], dtype="<i2"))
save("uint16", np.array([0, 1, 256, 65535], dtype="<u2"))
save("uint32", np.array([0, 1, 65536, 4294967295], dtype="<u4"))
save("uint64", np.array([0, 1, 2 ** 63, 18446744073709551615], dtype="<u8"))
save("bool", np.array([[True, False, True], [False, False, True]], dtype="|b1"))
save("float16", np.array([0.0, -0.0, 1.0, -2.5, 65504.0, 6.0e-8, np.inf, -np.inf, np.nan], dtype="<f2"))
save("float32-3d", (np.arange(24, dtype="<f4").reshape(2, 3, 4) - 12.0) / 8.0)

# Big-endian files, as written on (or for) a big-endian machine.
save("float32-big-endian", np.array([[1.5, -2.25], [3.0e-3, 1.0e30]], dtype=">f4"))
save("int64-big-endian", np.array([-9223372036854775808, 258, 9223372036854775807], dtype=">i8"))
save("float64-big-endian", np.array([np.pi, -np.e], dtype=">f8"))
save("uint16-big-endian", np.array([1, 258, 65535], dtype=">u2"))
save("float16-big-endian", np.array([1.0, -0.5, 65504.0], dtype=">f2"))

# Shapes: 0-D scalar, an empty array, 1-D.
save("float64-scalar", np.array(2.718281828459045, dtype="<f8"))
save("float32-empty", np.zeros((0, 3), dtype="<f4"))
save("float32-1d", np.array([0.5, -0.25, 8.0], dtype="<f4"))

# Header formats: version 2.0 (u32 header length) and 3.0 (u32 length, UTF-8 header).
save("float32-v2", np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], dtype="<f4"), version=(2, 0))
save("int16-v3", np.array([7, -7, 300], dtype="<i2"), version=(3, 0))

# Arrays the reader must refuse.
save_error("fortran-order", np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)))
save_error("unicode", np.array(["idle", "snake"], dtype="<U5"))
save_error("complex", np.array([1 + 2j, -0.5j], dtype="<c8"))
save_error("object", np.array([{"label": "idle"}, None], dtype=object))
save_error("structured", np.zeros(2, dtype=[("x", "<f4"), ("y", "<i4")]))
save_error("datetime", np.array(["2024-01-01", "2024-06-30"], dtype="datetime64[D]"))

# float32-2d cut 5 bytes into its data, and cut inside its header dict.
whole = npy_bytes(features)
data_start = len(whole) - features.nbytes
save_error("truncated-data", data=whole[:data_start + 5])
save_error("truncated-header", data=whole[:30])
# float32-1d with the major version byte patched to 4, a version NumPy does not define.
patched = bytearray(npy_bytes(np.array([0.5, -0.25, 8.0], dtype="<f4")))
patched[6] = 4
save_error("version-4", data=bytes(patched))
