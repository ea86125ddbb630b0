// CUSTOM: the element type of a .npy array, parsed from the header's 'descr' (e.g. '<f4') and mapped to a .NET type;
// the one table of the dtypes the reader supports.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace EdgeImpulse.Generated.Npy;

/// <summary>What kind of number a NumPy dtype holds (NumPy's <c>dtype.kind</c>: <c>b</c>, <c>i</c>, <c>u</c>, <c>f</c>).</summary>
public enum NpyTypeKind
{
    /// <summary>Booleans (<c>b</c>), one byte each.</summary>
    Bool,

    /// <summary>Signed integers (<c>i</c>).</summary>
    SignedInteger,

    /// <summary>Unsigned integers (<c>u</c>).</summary>
    UnsignedInteger,

    /// <summary>IEEE 754 floating point numbers (<c>f</c>).</summary>
    Float,
}

/// <summary>The byte order of the data in the file (the first character of <c>descr</c>).</summary>
public enum NpyByteOrder
{
    /// <summary>One-byte items, where order does not matter (<c>|</c>).</summary>
    NotApplicable,

    /// <summary>Little-endian (<c>&lt;</c>), what NumPy writes on x86 and ARM machines.</summary>
    LittleEndian,

    /// <summary>Big-endian (<c>&gt;</c>); converted to the machine's order on reading.</summary>
    BigEndian,
}

/// <summary>The element type of a <c>.npy</c> array, as its header's <c>descr</c> declares it.</summary>
public sealed record NpyDType
{
    /// <summary>The dtypes the reader supports, by <c>descr</c> without its byte-order character.</summary>
    private static readonly Dictionary<string, (NpyTypeKind Kind, NpyElementReader Reader)> Supported = new(StringComparer.Ordinal)
    {
        ["b1"] = (NpyTypeKind.Bool, new NpyElementReader<bool>()),
        ["i1"] = (NpyTypeKind.SignedInteger, new NpyElementReader<sbyte>()),
        ["i2"] = (NpyTypeKind.SignedInteger, new NpyElementReader<short>()),
        ["i4"] = (NpyTypeKind.SignedInteger, new NpyElementReader<int>()),
        ["i8"] = (NpyTypeKind.SignedInteger, new NpyElementReader<long>()),
        ["u1"] = (NpyTypeKind.UnsignedInteger, new NpyElementReader<byte>()),
        ["u2"] = (NpyTypeKind.UnsignedInteger, new NpyElementReader<ushort>()),
        ["u4"] = (NpyTypeKind.UnsignedInteger, new NpyElementReader<uint>()),
        ["u8"] = (NpyTypeKind.UnsignedInteger, new NpyElementReader<ulong>()),
        ["f2"] = (NpyTypeKind.Float, new NpyElementReader<Half>()),
        ["f4"] = (NpyTypeKind.Float, new NpyElementReader<float>()),
        ["f8"] = (NpyTypeKind.Float, new NpyElementReader<double>()),
    };

    private const string SupportedList = "bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32 and float64";

    private NpyDType(string descr, NpyTypeKind kind, int itemSize, NpyByteOrder byteOrder, NpyElementReader reader)
    {
        Descr = descr;
        Kind = kind;
        ItemSize = itemSize;
        ByteOrder = byteOrder;
        Reader = reader;
    }

    /// <summary>Gets the <c>descr</c> string exactly as the header has it, e.g. <c>&lt;f4</c> or <c>|u1</c>.</summary>
    public string Descr { get; }

    /// <summary>Gets what kind of number the elements are.</summary>
    public NpyTypeKind Kind { get; }

    /// <summary>Gets the size of one element in bytes (1, 2, 4 or 8).</summary>
    public int ItemSize { get; }

    /// <summary>Gets the byte order of the data in the file.</summary>
    public NpyByteOrder ByteOrder { get; }

    /// <summary>Gets the .NET type of the elements, e.g. <see cref="float"/> for <c>&lt;f4</c> and <see cref="Half"/> for <c>&lt;f2</c>.</summary>
    public Type ElementType => Reader.ElementType;

    /// <summary>Gets NumPy's name for the dtype, e.g. <c>float32</c>, <c>uint8</c> or <c>bool</c>.</summary>
    public string Name => Kind switch
    {
        NpyTypeKind.Bool => "bool",
        NpyTypeKind.SignedInteger => $"int{ItemSize * 8}",
        NpyTypeKind.UnsignedInteger => $"uint{ItemSize * 8}",
        _ => $"float{ItemSize * 8}",
    };

    internal NpyElementReader Reader { get; }

    /// <summary>Returns NumPy's name and the <c>descr</c>, e.g. <c>float32 ('&lt;f4')</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Name} ('{Descr}')";

    /// <summary>Reads a <c>descr</c> string (NumPy's <c>dtype.str</c>: byte order, kind, item size).</summary>
    internal static NpyDType Parse(string descr)
    {
        if (descr.Length < 2 || descr[0] is not ('<' or '>' or '|'))
        {
            throw new NpyFormatException($"Unsupported dtype '{NpyHeader.Excerpt(descr)}': expected a byte order ('<', '>' or '|'), a kind and an item size, as NumPy writes (e.g. '<f4').");
        }

        var code = descr[1..];
        if (!Supported.TryGetValue(code, out var supported))
        {
            throw new NpyFormatException($"Unsupported dtype '{NpyHeader.Excerpt(descr)}': {DescribeUnsupported(code)}. Supported are {SupportedList}.");
        }

        var itemSize = int.Parse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
        var byteOrder = itemSize == 1 ? NpyByteOrder.NotApplicable : descr[0] switch
        {
            '<' => NpyByteOrder.LittleEndian,
            '>' => NpyByteOrder.BigEndian,
            _ => throw new NpyFormatException($"Unsupported dtype '{NpyHeader.Excerpt(descr)}': '|' (no byte order) is only valid for one-byte items, and these are {itemSize} bytes."),
        };
        return new NpyDType(descr, supported.Kind, itemSize, byteOrder, supported.Reader);
    }

    private static string DescribeUnsupported(string code) => code[0] switch
    {
        'c' => "complex numbers are not supported",
        'U' => "fixed-width Unicode strings are not supported",
        'S' or 'a' => "fixed-width byte strings are not supported",
        'O' => "Python objects (pickled) cannot be read outside Python",
        'M' => "datetime64 values are not supported",
        'm' => "timedelta64 values are not supported",
        'V' => "raw (void) records are not supported",
        'f' => "only 2-, 4- and 8-byte floats are supported (not extended precision)",
        'b' or 'i' or 'u' => "this item size does not exist for the kind",
        _ => "this is not a dtype NumPy writes",
    };
}
