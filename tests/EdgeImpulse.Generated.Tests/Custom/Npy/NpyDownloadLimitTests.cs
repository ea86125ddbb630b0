using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>
/// MaxDownloadBytes bounds the array a download's .npy header may ask for, also when the body has no Content-Length
/// (chunked): the header is checked before the array is allocated, so a short body cannot claim gigabytes.
/// </summary>
[TestFixture]
public sealed class NpyDownloadLimitTests
{
    private const long DefaultLimit = 4L * 1024 * 1024 * 1024;

    // 600,000,000 float64 values: 4.8 GB of data, over the default 4 GiB limit; the body ends after a few data bytes.
    private static readonly byte[] HugeHeaderShortBody = NpyBytes.Header("{'descr': '<f8', 'fortran_order': False, 'shape': (600000000,), }", data: new byte[28]);

    private static readonly int HeaderLength = HugeHeaderShortBody.Length - 28;

    [Test]
    public async Task ReadNpyAsync_ChunkedBodyWhoseHeaderNeedsMoreThanTheLimit_IsRefusedBeforeAllocating()
    {
        var body = new TrickleStream(HugeHeaderShortBody);
        using var file = Chunked(new BoundedReadStream(body, DefaultLimit, System.Threading.Timeout.InfiniteTimeSpan, "downloadDspData", 200, "application/octet-stream"));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = (await Assert.ThrowsAsync<EdgeImpulseApiException>(() => file.ReadNpyAsync()))!;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo($"downloadDspData: the .npy header's float64 ('<f8') array of shape (600000000,) needs {4_800_000_000 + HeaderLength} bytes with its {HeaderLength}-byte header, over the configured limit of 4294967296 bytes (MaxDownloadBytes)."));
            Assert.That((error.OperationId, error.Status, error.ContentType), Is.EqualTo(("downloadDspData", 200, "application/octet-stream")));
            Assert.That(body.Delivered, Is.EqualTo(HeaderLength), "only the header was read");
            Assert.That(allocated, Is.LessThan(64L * 1024 * 1024), "the 4.8 GB array was never allocated");
        }
    }

    [TestCase(0, true)]
    [TestCase(-1, false)]
    public async Task ReadNpyAsync_ChunkedBody_ReadsUpToExactlyTheLimit(int slack, bool reads)
    {
        var bytes = NpyFixtures.Bytes("float64-big-endian");
        var body = new TrickleStream(bytes);
        using var file = Chunked(new BoundedReadStream(body, bytes.Length + slack, System.Threading.Timeout.InfiniteTimeSpan, "downloadDspData", 200, null));

        if (reads)
        {
            NpyFixtures.AssertMatchesNumpy(await file.ReadNpyAsync(), "float64-big-endian");
            return;
        }

        var error = (await Assert.ThrowsAsync<EdgeImpulseApiException>(() => file.ReadNpyAsync()))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain($"needs {bytes.Length} bytes").And.Contain($"limit of {bytes.Length - 1} bytes (MaxDownloadBytes)"));
            Assert.That(body.Delivered, Is.EqualTo(128), "refused after the header, before any data");
        }
    }

    [Test]
    public async Task DownloadDspDataArray_ChunkedBodyWhoseHeaderNeedsMoreThanTheDefaultLimit_IsTheLimitError()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary(HugeHeaderShortBody) with { Chunked = true });
        using var client = server.CreateClient();

        var error = (await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspDataArrayAsync(52187, 3, RawDataCategory.Training)))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.OperationId, Is.EqualTo("downloadDspData"));
            Assert.That(error.Message, Does.StartWith("downloadDspData: the .npy header's").And.Contain("over the configured limit of 4294967296 bytes (MaxDownloadBytes)"));
            Assert.That(error.InnerException, Is.Null, "the limit error itself, not a format error wrapping it");
        }
    }

    [Test]
    public async Task DownloadDspDataArray_ChunkedBodyLongerThanTheLimit_FailsWithTheOperationsLimitError()
    {
        // The array fits the limit exactly; the stream's own count stops the bytes the body sends after it.
        var bytes = NpyFixtures.Bytes("float32-2d");
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary([.. bytes, .. new byte[64]]) with { Chunked = true });
        using var client = server.CreateClient(o => o.MaxDownloadBytes = bytes.Length);

        var error = (await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspDataArrayAsync(52187, 3, RawDataCategory.Training)))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo($"downloadDspData: the download exceeded the configured limit of {bytes.Length} bytes (MaxDownloadBytes)."));
            Assert.That((error.OperationId, error.Status, error.ContentType), Is.EqualTo(("downloadDspData", 200, "application/octet-stream")));
        }
    }

    [Test]
    public async Task ReadNpyAsync_WithoutALimit_StillSaysTheBodyIsTruncated()
    {
        // A plain stream (no MaxDownloadBytes): the header is trusted, and a short body fails as truncated.
        var header = NpyBytes.Header("{'descr': '<f8', 'fortran_order': False, 'shape': (1000,), }", data: new byte[28]);
        using var file = Chunked(new TrickleStream(header));

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => file.ReadNpyAsync()))!;

        Assert.That(error.Message, Does.Contain("needs 8000 data bytes, but only 28 follow the 128-byte header"));
    }

    [Test]
    public async Task ReadAsync_WithALimitButNoErrorOfItsOwn_RefusesWithAFormatError()
    {
        var body = new TrickleStream(HugeHeaderShortBody);

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(body, new NpyReadSettings { MaxBytes = 1000 }, default)))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo($"The .npy header's float64 ('<f8') array of shape (600000000,) needs {4_800_000_000 + HeaderLength} bytes with its {HeaderLength}-byte header, more than the 1000 allowed."));
            Assert.That(body.Delivered, Is.EqualTo(HeaderLength));
        }
    }

    private static FileResponse Chunked(System.IO.Stream body) =>
        new(200, new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = ["application/octet-stream"] }, body, null, null);
}
