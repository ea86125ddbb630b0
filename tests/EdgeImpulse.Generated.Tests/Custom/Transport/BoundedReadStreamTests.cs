using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>Tests of <see cref="BoundedReadStream"/> on in-memory streams: the limit on every read path, the idle timeout.</summary>
[TestFixture]
public sealed class BoundedReadStreamTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    [TestCase(true, TestName = "SynchronousRead_OverTheLimit_Throws_WithReadTimeout")]
    [TestCase(false, TestName = "SynchronousRead_OverTheLimit_Throws_WithoutReadTimeout")]
    public void SynchronousRead_OverTheLimit_Throws(bool withReadTimeout)
    {
        using var stream = new BoundedReadStream(new MemoryStream(new byte[5000]), 4096, withReadTimeout ? Short : Timeout.InfiniteTimeSpan, "downloadDspArtifact", 200, null);

        var ex = Assert.Throws<EdgeImpulseApiException>(() => stream.CopyTo(Stream.Null));

        Assert.That(ex!.Message, Does.Contain("4096").And.Contain("MaxDownloadBytes"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ReadAsync_InnerThatNeverAnswers_TimesOut_AndStaysFailed(CancellationToken testToken)
    {
        using var stream = new BoundedReadStream(new SilentStream(), null, Short, "downloadDspData", 200, "application/octet-stream");
        var buffer = new byte[16];

        var first = await Assert.ThrowsAsync<EdgeImpulseApiException>(async () => await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: true, testToken));
        var second = await Assert.ThrowsAsync<EdgeImpulseApiException>(async () => await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: true, testToken));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first!.Status, Is.Zero);
            Assert.That(first.Message, Does.Contain("timed out").And.Contain("200 ms").And.Contain("ReadTimeout").And.Contain("after 0 bytes"));
            Assert.That(first.InnerException, Is.InstanceOf<OperationCanceledException>());
            Assert.That(second!.Message, Does.Contain("timed out"));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ReadAsync_CallerCancelsBeforeTheTimeout_IsACancellation(CancellationToken testToken)
    {
        using var stream = new BoundedReadStream(new SilentStream(), null, TimeSpan.FromSeconds(30), "downloadDspData", 200, null);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(testToken);
        cts.CancelAfter(Short);

        var ex = await Assert.CatchAsync<OperationCanceledException>(async () => await stream.ReadAtLeastAsync(new byte[16], 1, throwOnEndOfStream: true, cts.Token));

        Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
    }

    /// <summary>A body that never sends anything: reads wait until their token is cancelled.</summary>
    private sealed class SilentStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => 0;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
