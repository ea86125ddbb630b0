using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>How the reader uses its stream: exactly one array's bytes, cancellation, and a body that must end with the array.</summary>
[TestFixture]
public sealed class NpyStreamingTests
{
    [Test]
    public async Task ReadAsync_ArraysOneAfterAnother_ReadsEachInTurn()
    {
        // numpy.save twice on one file, then numpy.load twice on it, is a documented way to store several arrays.
        var first = NpyFixtures.Bytes("float32-2d");
        var second = NpyFixtures.Bytes("int32-labels");
        await using var stream = new TrickleStream([.. first, .. second]);

        var features = await NpyReader.ReadAsync(stream);
        var afterFirst = stream.Delivered;
        var labels = await NpyReader.ReadAsync(stream);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFirst, Is.EqualTo(first.Length), "nothing of the next array is read");
            NpyFixtures.AssertMatchesNumpy(features, "float32-2d");
            NpyFixtures.AssertMatchesNumpy(labels, "int32-labels");
        }
    }

    [Test]
    public async Task ReadAsync_LeavesWhatFollowsUnread()
    {
        var npy = NpyFixtures.Bytes("float64-special");
        using var stream = new MemoryStream([.. npy, 0xde, 0xad]);

        await NpyReader.ReadAsync(stream);

        Assert.That(stream.Position, Is.EqualTo(npy.Length));
    }

    [Test]
    public async Task ReadAsync_AlreadyCancelled_ReadsNothing()
    {
        await using var stream = new TrickleStream(NpyFixtures.Bytes("float32-2d"));

        await Assert.CatchAsync<OperationCanceledException>(() => NpyReader.ReadAsync(stream, new CancellationToken(canceled: true)));
        Assert.That(stream.Delivered, Is.Zero);
    }

    [Test]
    public async Task ReadAsync_CancelledWhileReadingData_StopsEvenIfTheStreamIgnoresTheToken()
    {
        var bytes = NpyFixtures.Bytes("float64-special");
        using var cancellation = new CancellationTokenSource();
        // Cancel once the header (128 bytes) and a little data are through; the stream itself never looks at the token.
        await using var stream = new TrickleStream(bytes, delivered => CancelAt(cancellation, delivered, 130), honorCancellation: false);

        var settings = new NpyReadSettings { ChunkBytes = 8 };
        await Assert.CatchAsync<OperationCanceledException>(() => NpyReader.ReadAsync(stream, settings, cancellation.Token));

        Assert.That(stream.Delivered, Is.LessThan(bytes.Length), "the reader stopped before the end of the data");
    }

    [Test]
    public async Task ReadAsync_CancelledWhileReadingTheHeader_PassesTheTokenToTheStream()
    {
        using var cancellation = new CancellationTokenSource();
        await using var stream = new TrickleStream(NpyFixtures.Bytes("float32-2d"), delivered => CancelAt(cancellation, delivered, 20));

        await Assert.CatchAsync<OperationCanceledException>(() => NpyReader.ReadAsync(stream, cancellation.Token));

        Assert.That(stream.Delivered, Is.LessThan(128));
    }

    [Test]
    public async Task ReadNpyAsync_WholeBody_ReadsTheArray()
    {
        var bytes = NpyFixtures.Bytes("float32-2d");
        using var file = Response(new TrickleStream(bytes), bytes.Length);

        var array = await file.ReadNpyAsync(CancellationToken.None);

        NpyFixtures.AssertMatchesNumpy(array, "float32-2d");
    }

    [TestCase(true, "but 3 more bytes follow")]
    [TestCase(false, "but more bytes follow")]
    public async Task ReadNpyAsync_BytesAfterTheArray_AreAnError(bool withContentLength, string expected)
    {
        byte[] bytes = [.. NpyFixtures.Bytes("int32-labels"), 1, 2, 3];
        using var file = Response(new TrickleStream(bytes), withContentLength ? bytes.Length : null);

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => file.ReadNpyAsync()))!;

        Assert.That(error.Message, Does.StartWith("The .npy body goes on after the array: the header's int32 ('<i4') array of shape (8,) needs 32 data bytes, " + expected));
    }

    [Test]
    public async Task ReadNpyAsync_ShortContentLength_FailsBeforeReadingTheData()
    {
        var bytes = NpyFixtures.Bytes("error.truncated-data");
        var stream = new TrickleStream(bytes);
        using var file = Response(stream, bytes.Length);

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => file.ReadNpyAsync()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("needs 48 data bytes, but only 5 follow the 128-byte header"));
            Assert.That(stream.Delivered, Is.EqualTo(128), "only the header was read: the array was never allocated or filled");
        }
    }

    private static void CancelAt(CancellationTokenSource cancellation, long delivered, long threshold)
    {
        if (delivered >= threshold)
        {
            cancellation.Cancel();
        }
    }

    private static FileResponse Response(Stream body, long? contentLength)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = ["application/octet-stream"] };
        if (contentLength is { } length)
        {
            headers["Content-Length"] = [length.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        return new FileResponse(200, headers, body, null, null);
    }
}
