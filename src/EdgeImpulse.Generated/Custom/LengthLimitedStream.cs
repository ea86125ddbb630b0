// CUSTOM: guards streamed downloads against bodies larger than EdgeImpulseClientOptions.MaxDownloadBytes,
// for servers that send no Content-Length (chunked) or more bytes than announced.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

internal sealed class LengthLimitedStream(Stream inner, long limit, string operationId, int status, string? contentType) : Stream
{
    private long _read;

    /// <summary>Gets the most bytes the body may have (MaxDownloadBytes).</summary>
    public long Limit => limit;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>The error for a body that would exceed the limit, as the download reports it; <paramref name="what"/> says what needs the bytes.</summary>
    public EdgeImpulseApiException OverLimit(string what) =>
        new($"{operationId}: {what}, over the configured limit of {limit} bytes (MaxDownloadBytes).", operationId, status, null, contentType, null);

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new EdgeImpulseApiException($"{operationId}: the download exceeded the configured limit of {limit} bytes (MaxDownloadBytes).", operationId, status, null, contentType, null);
        }

        return read;
    }
}
