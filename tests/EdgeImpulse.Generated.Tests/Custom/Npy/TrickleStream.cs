using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>
/// A non-seekable stream over bytes that hands out 1, 2, 3, 1, 2, 3… bytes per read, as a slow network might,
/// and reports each read (tests cancel from there).
/// </summary>
internal sealed class TrickleStream(byte[] bytes, Action<long>? afterRead = null, bool honorCancellation = true) : Stream
{
    private int _position;
    private int _reads;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A network stream has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A network stream has no position.");
        set => throw new NotSupportedException("A network stream cannot seek.");
    }

    /// <summary>Gets how many bytes have been handed out.</summary>
    public long Delivered => _position;

    public bool Disposed { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        var count = Math.Min(Math.Min(buffer.Length, (_reads++ % 3) + 1), bytes.Length - _position);
        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        afterRead?.Invoke(_position);
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (honorCancellation)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new ValueTask<int>(Read(buffer.Span));
    }

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
        Disposed = true;
        base.Dispose(disposing);
    }
}
