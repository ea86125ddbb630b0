using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>MaxDownloadBytes on .npy downloads without a Content-Length (chunked).</summary>
[TestFixture]
public sealed class NpyDownloadLimitTests
{
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
}
