using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>Tests of <see cref="PooledBody"/> and <see cref="PooledBodyTextReader"/>: bounded reads, segment edges, decoding.</summary>
[TestFixture]
public sealed class PooledBodyTests
{
    [Test]
    public async Task ReadAsync_AnEndlessBody_StopsOneBytePastTheLimit()
    {
        var source = new EndlessStream();

        using var body = await PooledBody.ReadAsync(source, limit: 100_000, contentLength: null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.OverLimit, Is.True);
            Assert.That(body.Length, Is.EqualTo(100_000));
            Assert.That(source.Served, Is.EqualTo(100_001), "nothing is read past the first byte over the limit");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(PooledBody.SegmentSize)]
    [TestCase(PooledBody.SegmentSize + 1)]
    [TestCase((3 * PooledBody.SegmentSize) + 17)]
    public async Task ReadAsync_ThenDecode_GivesBackTheBytes(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();

        using var body = await PooledBody.ReadAsync(new MemoryStream(bytes), limit: null, contentLength: length % 2 == 0 ? length : null, CancellationToken.None);
        using var reader = new PooledBodyTextReader(body, Encoding.UTF8);

        Assert.That(body.OverLimit, Is.False);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(Encoding.ASCII.GetString(bytes)));
    }

    [Test]
    public async Task GetString_IsBoundedAndCrossesSegments()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('z', PooledBody.SegmentSize + 100));

        using var body = await PooledBody.ReadAsync(new MemoryStream(bytes), limit: null, contentLength: null, CancellationToken.None);

        Assert.That(body.GetString(PooledBody.SegmentSize + 10), Has.Length.EqualTo(PooledBody.SegmentSize + 10));
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Served;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'x');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
