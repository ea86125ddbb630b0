// CUSTOM: a response body read once from the socket, asynchronously (so Timeout and the caller's token reach every
// byte), into pooled 64 KB segments, stopping one byte past a size limit. JSON is then parsed from these bytes
// without a string or a JToken in between; the first segment doubles as the capture for error excerpts.
using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

internal sealed class PooledBody : IDisposable
{
    /// <summary>The segment size: below the large-object-heap threshold, and a bucket of the shared pool.</summary>
    internal const int SegmentSize = 64 * 1024;

    private byte[][] _segments = ArrayPool<byte[]>.Shared.Rent(4);
    private int _segmentCount;
    private long _lastSegmentStart;

    private PooledBody()
    {
    }

    /// <summary>Gets the number of bytes held.</summary>
    public long Length { get; private set; }

    /// <summary>Gets a value indicating whether the body went on past the limit (only the limit's worth is held).</summary>
    public bool OverLimit { get; private set; }

    /// <summary>
    /// Reads <paramref name="source"/> to its end, or until it has gone past <paramref name="limit"/> bytes (then
    /// <see cref="OverLimit"/> is true and nothing past the limit is kept or read).
    /// </summary>
    public static async Task<PooledBody> ReadAsync(Stream source, long? limit, long? contentLength, CancellationToken cancellationToken)
    {
        var body = new PooledBody();
        try
        {
            var max = limit ?? long.MaxValue;
            byte[]? segment = null;
            var used = 0;
            while (contentLength is not { } announced || body.Length < announced)
            {
                if (segment is null || used == segment.Length)
                {
                    // A body whose length is announced gets a first segment of about its size.
                    var size = contentLength is { } length && length - body.Length < SegmentSize ? (int)Math.Max(length - body.Length, 16) : SegmentSize;
                    segment = body.AddSegment(size);
                    used = 0;
                }

                // One byte past the limit is enough to know it was crossed.
                var room = (int)Math.Min(segment.Length - used, max == long.MaxValue ? long.MaxValue : max - body.Length + 1);
                var read = await source.ReadAsync(segment.AsMemory(used, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                used += read;
                body.Length += read;
                if (body.Length > max)
                {
                    body.Length = max;
                    body.OverLimit = true;
                    break;
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Gets the bytes of segment <paramref name="index"/> (every segment but the last is full); false past the last one.</summary>
    public bool TryGetSegment(int index, out ReadOnlySpan<byte> bytes)
    {
        if (index >= _segmentCount)
        {
            bytes = default;
            return false;
        }

        var segment = _segments[index];
        bytes = index < _segmentCount - 1 ? segment : segment.AsSpan(0, (int)(Length - _lastSegmentStart));
        return true;
    }

    /// <summary>Decodes (lossily, as UTF-8) the first <paramref name="maxBytes"/> bytes, for error texts and excerpts.</summary>
    public string GetString(int maxBytes)
    {
        var count = (int)Math.Min(Length, maxBytes);
        if (count == 0)
        {
            return string.Empty;
        }

        if (_segments[0].Length >= count)
        {
            return Encoding.UTF8.GetString(_segments[0], 0, count);
        }

        var joined = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            var copied = 0;
            for (var i = 0; copied < count; i++)
            {
                var part = Math.Min(_segments[i].Length, count - copied);
                _segments[i].AsSpan(0, part).CopyTo(joined.AsSpan(copied));
                copied += part;
            }

            return Encoding.UTF8.GetString(joined, 0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
        }
    }

    public void Dispose()
    {
        for (var i = 0; i < _segmentCount; i++)
        {
            ArrayPool<byte>.Shared.Return(_segments[i]);
            _segments[i] = null!;
        }

        _segmentCount = 0;
        if (_segments.Length > 0)
        {
            ArrayPool<byte[]>.Shared.Return(_segments);
            _segments = [];
        }
    }

    private byte[] AddSegment(int size)
    {
        if (_segmentCount == _segments.Length)
        {
            var larger = ArrayPool<byte[]>.Shared.Rent(_segments.Length * 2);
            _segments.AsSpan(0, _segmentCount).CopyTo(larger);
            _segments.AsSpan().Clear();
            ArrayPool<byte[]>.Shared.Return(_segments);
            _segments = larger;
        }

        var segment = ArrayPool<byte>.Shared.Rent(size);
        _segments[_segmentCount++] = segment;
        _lastSegmentStart = Length;
        return segment;
    }
}
