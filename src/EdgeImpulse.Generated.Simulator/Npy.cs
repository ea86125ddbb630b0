using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>Writes NumPy .npy version 1.0 headers (format: numpy.lib.format).</summary>
internal static class Npy
{
    /// <summary>The header for a C-order array: magic, version 1.0, header length, then a dict padded so the data starts 64-byte aligned.</summary>
    /// <param name="descr">The dtype, e.g. <c>&lt;f4</c> (little-endian float32) or <c>&lt;i4</c>.</param>
    /// <param name="shape">The dimensions.</param>
    public static byte[] Header(string descr, params long[] shape)
    {
        var dims = shape.Length == 1
            ? shape[0].ToString(CultureInfo.InvariantCulture) + ","
            : string.Join(", ", Array.ConvertAll(shape, d => d.ToString(CultureInfo.InvariantCulture)));
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        const int Preamble = 10;
        var padding = (64 - ((Preamble + dict.Length + 1) % 64)) % 64;
        var header = dict + new string(' ', padding) + "\n";
        var bytes = new byte[Preamble + header.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY").CopyTo(bytes, 1);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), checked((ushort)header.Length));
        Encoding.ASCII.GetBytes(header).CopyTo(bytes, Preamble);
        return bytes;
    }
}
