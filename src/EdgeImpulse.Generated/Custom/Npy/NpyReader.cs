// CUSTOM: reads NumPy .npy files (what downloadDspData/downloadDspLabels return) from a stream into typed arrays,
// without buffering the body: the header first, then the data straight into the one T[] it needs (the stream writes
// into the array's own bytes), allocated only once the header's size is checked against what the stream holds or may
// hold (MaxDownloadBytes).
using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Npy;

/// <summary>
/// Reads NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0, as <c>numpy.save</c> writes them) with the
/// numeric dtypes listed on <see cref="NpyDType"/>, in either byte order.
/// </summary>
/// <remarks>
/// The data is read straight into the array that is returned (no intermediate buffer), so the file is never held
/// twice in memory; the stream may be non-seekable and may return any number of bytes per read. The reader consumes exactly
/// one array and leaves the stream just after it, so arrays written one after another (several <c>numpy.save</c>
/// calls on one file) can be read in turn; whatever follows is not looked at.
/// </remarks>
public static class NpyReader
{
    /// <summary>The largest header accepted: NumPy's own headers for the supported dtypes are well under 1 KiB.</summary>
    internal const int MaxHeaderLength = 64 * 1024;

    /// <summary>
    /// How many bytes of the array one read asks the stream for. The stream writes into the array itself, so this is no
    /// buffer; it bounds the work between cancellation checks. Large, so a socket read is never split for it
    /// (measured in docs/PERFORMANCE.md).
    /// </summary>
    internal const int DefaultChunkBytes = 4 * 1024 * 1024;

    private const int PreambleLength = 8;

    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads one array; its concrete type is the <see cref="NpyArray{T}"/> that the header's dtype calls for.</summary>
    /// <param name="stream">The stream, positioned at the start of the <c>.npy</c> data.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The array.</returns>
    /// <exception cref="NpyFormatException">The data is not a readable <c>.npy</c> array; the message says why.</exception>
    public static Task<NpyArray> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        ReadAsync(stream, new NpyReadSettings(), cancellationToken);

    /// <summary>Reads one array whose elements must be <typeparamref name="T"/>; checked before any data is read.</summary>
    /// <typeparam name="T">The element type expected, e.g. <see cref="float"/> for <c>&lt;f4</c> or <c>&gt;f4</c>.</typeparam>
    /// <param name="stream">The stream, positioned at the start of the <c>.npy</c> data.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The array.</returns>
    /// <exception cref="NpyFormatException">
    /// The data is not a readable <c>.npy</c> array, or its dtype is not <typeparamref name="T"/>; the message says why.
    /// </exception>
    public static async Task<NpyArray<T>> ReadAsync<T>(Stream stream, CancellationToken cancellationToken = default)
        where T : unmanaged =>
        (NpyArray<T>)await ReadAsync(stream, new NpyReadSettings { ElementType = typeof(T) }, cancellationToken).ConfigureAwait(false);

    internal static async Task<NpyArray> ReadAsync(Stream stream, NpyReadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        cancellationToken.ThrowIfCancellationRequested();
        var header = await ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
        if (settings.ElementType is { } requested && requested != header.DType.ElementType)
        {
            throw NpyArray.ElementTypeMismatch(header.DType, requested);
        }

        // When the size is known, a short or overlong body fails here, before the array is allocated.
        var available = stream.CanSeek ? stream.Length - stream.Position : settings.StreamLength - header.HeaderBytes;
        if (available < header.DataBytes)
        {
            throw Truncated(header, available.Value);
        }

        if (settings.RequireEnd && available > header.DataBytes)
        {
            throw Trailing(header, available.Value - header.DataBytes);
        }

        // Without a known size (a chunked download) nothing above bounds what the header may claim: a short body saying
        // (600000000,) '<f8' would allocate 4.8 GB before failing as truncated. So a download's limit is checked here.
        if (settings.MaxBytes is { } limit && header.HeaderBytes + header.DataBytes > limit)
        {
            throw settings.OverLimit?.Invoke(header) ?? new NpyFormatException($"The .npy header's {header.Description} needs {header.HeaderBytes + header.DataBytes} bytes with its {header.HeaderBytes}-byte header, more than the {limit} allowed.");
        }

        var array = await header.DType.Reader.ReadAsync(stream, header, settings.ChunkBytes, cancellationToken).ConfigureAwait(false);
        if (settings.RequireEnd && await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0)
        {
            throw Trailing(header, null);
        }

        return array;
    }

    internal static NpyFormatException Truncated(NpyHeader header, long available) =>
        new($"The .npy data is truncated: the header's {header.Description} needs {header.DataBytes} data bytes, but only {available} follow the {header.HeaderBytes}-byte header.");

    private static NpyFormatException Trailing(NpyHeader header, long? extra) =>
        new($"The .npy body goes on after the array: the header's {header.Description} needs {header.DataBytes} data bytes, but {(extra is { } count ? $"{count} more bytes follow" : "more bytes follow")}. The body holds more than one array, or the header does not describe the data.");

    private static async Task<NpyHeader> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Magic (6 bytes), major and minor version, then a little-endian u16 (v1) or u32 (v2, v3) header length.
        var preamble = new byte[PreambleLength + sizeof(uint)];
        var got = await stream.ReadAtLeastAsync(preamble.AsMemory(0, PreambleLength), PreambleLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var magicPart = Math.Min(got, Magic.Length);
        if (got == 0)
        {
            throw new NpyFormatException("The stream is empty: expected a NumPy .npy file.");
        }

        if (!preamble.AsSpan(0, magicPart).SequenceEqual(Magic.AsSpan(0, magicPart)))
        {
            throw new NpyFormatException($"Not a NumPy .npy file: it starts with '{NpyHeader.Printable(Encoding.Latin1.GetString(preamble, 0, got))}' instead of the magic string '\\x93NUMPY'. A server may have sent JSON or an HTML page instead of the array.");
        }

        if (got < PreambleLength)
        {
            throw TruncatedHeader($"the stream ended after {got} bytes, inside the {PreambleLength}-byte magic string and version");
        }

        var version = new Version(preamble[6], preamble[7]);
        var lengthSize = (version.Major, version.Minor) switch
        {
            (1, 0) => sizeof(ushort),
            (2, 0) or (3, 0) => sizeof(uint),
            _ => throw new NpyFormatException($"Unsupported .npy format version {version}: only 1.0, 2.0 and 3.0 exist (numpy.lib.format)."),
        };

        got = await stream.ReadAtLeastAsync(preamble.AsMemory(PreambleLength, lengthSize), lengthSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < lengthSize)
        {
            throw TruncatedHeader($"the stream ended inside the {lengthSize}-byte header length");
        }

        var lengthBytes = preamble.AsSpan(PreambleLength, lengthSize);
        long headerLength = lengthSize == sizeof(ushort) ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderLength)
        {
            throw new NpyFormatException($"The .npy header claims to be {headerLength} bytes long, more than the {MaxHeaderLength} accepted: the file is corrupt or not a plain numeric array.");
        }

        var headerBytes = new byte[headerLength];
        got = await stream.ReadAtLeastAsync(headerBytes, headerBytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < headerBytes.Length)
        {
            throw TruncatedHeader($"it should be {headerLength} bytes, but the stream ended after {got}");
        }

        string text;
        try
        {
            // Versions 1.0 and 2.0 store the header as latin-1, 3.0 as UTF-8.
            text = version.Major == 3 ? StrictUtf8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new NpyFormatException("Malformed .npy header: a version 3.0 header must be UTF-8.", ex);
        }

        return NpyHeader.Parse(text, version, PreambleLength + lengthSize + headerLength);
    }

    private static NpyFormatException TruncatedHeader(string detail) => new($"The .npy header is truncated: {detail}.");
}

/// <summary>How one read goes, beyond the stream itself.</summary>
internal sealed record NpyReadSettings
{
    /// <summary>Gets the element type the caller requires, if any.</summary>
    public Type? ElementType { get; init; }

    /// <summary>Gets the total length of a non-seekable stream when known (a download's Content-Length).</summary>
    public long? StreamLength { get; init; }

    /// <summary>Gets a value indicating whether the stream must end with the array (a download holds exactly one).</summary>
    public bool RequireEnd { get; init; }

    /// <summary>
    /// Gets the most bytes the stream may hold from where the read starts (a download's MaxDownloadBytes): a header
    /// whose array needs more is refused before the array is allocated.
    /// </summary>
    public long? MaxBytes { get; init; }

    /// <summary>Gets the error for a header over <see cref="MaxBytes"/>; null for an <see cref="NpyFormatException"/>.</summary>
    public Func<NpyHeader, Exception>? OverLimit { get; init; }

    /// <summary>Gets how many bytes one read asks for (tests make it small to cross chunk boundaries).</summary>
    public int ChunkBytes { get; init; } = NpyReader.DefaultChunkBytes;
}

/// <summary>Reads the data of one element type; <see cref="NpyDType"/> holds one per supported dtype.</summary>
internal abstract class NpyElementReader
{
    public abstract Type ElementType { get; }

    public abstract Task<NpyArray> ReadAsync(Stream stream, NpyHeader header, int chunkBytes, CancellationToken cancellationToken);
}

/// <summary>
/// Fills one <typeparamref name="T"/>[] from the stream: the stream writes straight into the array's bytes, a chunk at a
/// time, and each chunk is put into the machine's byte order (and bools made canonical) in place.
/// </summary>
internal sealed class NpyElementReader<T> : NpyElementReader
    where T : unmanaged
{
    public override Type ElementType => typeof(T);

    public override async Task<NpyArray> ReadAsync(Stream stream, NpyHeader header, int chunkBytes, CancellationToken cancellationToken)
    {
        if (header.Length == 0)
        {
            return new NpyArray<T>(header.DType, header.Shape, header.Version, []);
        }

        // Every element is written below before the array is returned; on failure it is dropped.
        var data = GC.AllocateUninitializedArray<T>(header.Length);
        var itemSize = header.DType.ItemSize;
        var chunkItems = Math.Max(1, chunkBytes / itemSize);

        // Whole items per chunk, so each chunk converts on its own; the byte offset is long for arrays over 2 GiB.
        for (var start = 0; start < data.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(chunkItems, data.Length - start);
            var bytes = count * itemSize;
            var target = new ElementBytesMemory<T>(data, start, count).Memory;
            var got = await stream.ReadAtLeastAsync(target, bytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (got < bytes)
            {
                throw NpyReader.Truncated(header, ((long)start * itemSize) + got);
            }

            ToMachineOrder(data.AsSpan(start, count), header.DType);
            start += count;
        }

        return new NpyArray<T>(header.DType, header.Shape, header.Version, data);
    }

    private static void ToMachineOrder(Span<T> items, NpyDType dtype)
    {
        if (typeof(T) == typeof(bool))
        {
            // NumPy writes 0 and 1; any other byte is still True, stored as .NET's canonical true.
            foreach (ref var b in MemoryMarshal.AsBytes(items))
            {
                b = b == 0 ? (byte)0 : (byte)1;
            }

            return;
        }

        if (dtype.ByteOrder == NpyByteOrder.NotApplicable || (dtype.ByteOrder == NpyByteOrder.LittleEndian) == BitConverter.IsLittleEndian)
        {
            return;
        }

        switch (dtype.ItemSize)
        {
            case sizeof(ushort):
                var shorts = MemoryMarshal.Cast<T, ushort>(items);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case sizeof(uint):
                var ints = MemoryMarshal.Cast<T, uint>(items);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            default:
                var longs = MemoryMarshal.Cast<T, ulong>(items);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }
}
