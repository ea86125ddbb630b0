// CUSTOM: the body of a streamed download (FileResponse.Stream, the .npy helpers) as the caller reads it: at most
// MaxDownloadBytes (for servers that send no Content-Length, or more than announced), and no read waits longer than
// ReadTimeout for the next bytes. One CancellationTokenSource per download, re-armed per read: no per-read allocation.
using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

internal sealed class BoundedReadStream : Stream
{
    private static readonly Action<object?> CancelIdle = static state => ((CancellationTokenSource)state!).Cancel();

    private readonly Stream _inner;
    private readonly long? _limit;
    private readonly TimeSpan _readTimeout;
    private readonly string _operationId;
    private readonly int _status;
    private readonly string? _contentType;
    private readonly CancellationTokenSource? _idle;
    private long _read;
    private bool _timedOut;

    public BoundedReadStream(Stream inner, long? limit, TimeSpan readTimeout, string operationId, int status, string? contentType)
    {
        _inner = inner;
        _limit = limit;
        _readTimeout = readTimeout;
        _operationId = operationId;
        _status = status;
        _contentType = contentType;
        _idle = readTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource();
    }

    /// <summary>Gets the most bytes the body may have (MaxDownloadBytes), or null for no limit.</summary>
    public long? Limit => _limit;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>The error for a body that would exceed the limit, as the download reports it; <paramref name="what"/> says what needs the bytes.</summary>
    public EdgeImpulseApiException OverLimit(string what) =>
        new($"{_operationId}: {what}, over the configured limit of {_limit} bytes (MaxDownloadBytes).", _operationId, _status, null, _contentType, null);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_idle is null)
        {
            return Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_idle.IsCancellationRequested)
        {
            // An earlier read ended the download (the connection is gone with it).
            throw _timedOut ? TimedOut(null) : new OperationCanceledException("An earlier read of this download was cancelled; it cannot continue.");
        }

        // The caller's token cancels through the idle source, so the handler sees one token and nothing is linked per read.
        var registration = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(CancelIdle, _idle) : default;
        try
        {
            _idle.CancelAfter(_readTimeout);
            return Count(await _inner.ReadAsync(buffer, _idle.Token).ConfigureAwait(false));
        }
        catch (Exception ex) when (_idle.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The download was cancelled.", ex, cancellationToken);
            }

            _timedOut = true;
            throw TimedOut(ex);
        }
        finally
        {
            registration.Dispose();
            if (!_idle.IsCancellationRequested)
            {
                // Disarmed between reads: time the caller spends on the data is not the server's idleness.
                _idle.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // With a ReadTimeout, synchronous reads go through the asynchronous path, so the timeout applies to them as well.
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_idle is null)
        {
            return Count(_inner.Read(buffer, offset, count));
        }

        var pending = ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    public override int Read(Span<byte> buffer)
    {
        if (_idle is null)
        {
            return Count(_inner.Read(buffer));
        }

        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = Read(rented, 0, buffer.Length);
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

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
            _inner.Dispose();
            _idle?.Dispose();
        }

        base.Dispose(disposing);
    }

    private EdgeImpulseApiException TimedOut(Exception? inner) =>
        new($"{_operationId}: the download timed out: no data arrived for {ApiConnection.Describe(_readTimeout)} (EdgeImpulseClientOptions.ReadTimeout) after {_read} bytes of the HTTP {_status} body.", _operationId, 0, null, _contentType, null, inner);

    private int Count(int read)
    {
        _read += read;
        if (_read > _limit)
        {
            throw new EdgeImpulseApiException($"{_operationId}: the download exceeded the configured limit of {_limit} bytes (MaxDownloadBytes).", _operationId, _status, null, _contentType, null);
        }

        return read;
    }
}
