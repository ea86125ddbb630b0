using System;
using System.Buffers.Binary;
using System.Text;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>Hand-made .npy bytes for headers NumPy would never write (the malformed cases); laid out as NumPy lays them out.</summary>
internal static class NpyBytes
{
    public static byte[] Header(string dict, int major = 1, byte[]? data = null)
    {
        var lengthSize = major == 1 ? 2 : 4;
        var preamble = 8 + lengthSize;
        var text = dict + new string(' ', (64 - ((preamble + dict.Length + 1) % 64)) % 64) + "\n";
        var header = major == 3 ? Encoding.UTF8.GetBytes(text) : Encoding.Latin1.GetBytes(text);
        data ??= [];

        var bytes = new byte[preamble + header.Length + data.Length];
        Encoding.Latin1.GetBytes("\x93NUMPY").CopyTo(bytes, 0);
        bytes[6] = (byte)major;
        if (lengthSize == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)header.Length);
        }

        header.CopyTo(bytes, preamble);
        data.CopyTo(bytes, preamble + header.Length);
        return bytes;
    }
}
