using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>DownloadDspDataArrayAsync and DownloadDspLabelsArrayAsync against a loopback server serving NumPy's files.</summary>
[TestFixture]
public sealed class DspClientNpyTests
{
    private const int ProjectId = 52187;
    private const int DspId = 3;
    private const string OctetStream = "application/octet-stream";

    [Test]
    public async Task DownloadDspDataArray_SendsTheDownloadAndReadsTheFeatures()
    {
        var (features, request) = await SendAsync(
            CannedResponse.Binary(NpyFixtures.Bytes("float32-2d")),
            c => c.Dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training, cancellationToken: CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp-data/3/x/training", string.Empty, OctetStream);
        NpyFixtures.AssertMatchesNumpy(features, "float32-2d");
        Assert.That(features.As<float>().GetSubarray(0).ToArray(), Is.EqualTo(new[] { 4.22211f, 0.06238f, -1.36137f }));
    }

    [Test]
    public async Task DownloadDspDataArray_Raw_SendsRawInQuery()
    {
        var (features, request) = await SendAsync(
            CannedResponse.Binary(NpyFixtures.Bytes("float32-3d")),
            c => c.Dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Testing, raw: true));

        AssertRequest(request, "GET", "/v1/api/52187/dsp-data/3/x/testing", "raw=true", OctetStream);
        NpyFixtures.AssertMatchesNumpy(features, "float32-3d");
    }

    [Test]
    public async Task DownloadDspLabelsArray_SendsTheDownloadAndReadsTheLabels()
    {
        var (labels, request) = await SendAsync(
            CannedResponse.Binary(NpyFixtures.Bytes("int32-labels")),
            c => c.Dsp.DownloadDspLabelsArrayAsync(ProjectId, DspId, RawDataCategory.Training, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp-data/3/y/training", string.Empty, OctetStream);
        NpyFixtures.AssertMatchesNumpy(labels, "int32-labels");
    }

    [Test]
    public async Task DownloadDspDataArray_ChunkedBody_StreamsIntoTheArray()
    {
        var (features, _) = await SendAsync(
            CannedResponse.Binary(NpyFixtures.Bytes("float64-big-endian")) with { Chunked = true },
            c => c.Dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training));

        NpyFixtures.AssertMatchesNumpy(features, "float64-big-endian");
    }

    [Test]
    public async Task DownloadDspDataArray_JsonSentAsOctetStream_IsAnApiErrorNamingTheCause()
    {
        var json = File.ReadAllBytes(TestPaths.Fixture("Common/error.success-false.json"));

        var error = await CallFailsAsync(CannedResponse.Binary(json), c => c.Dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.OperationId, Is.EqualTo("downloadDspData"));
            Assert.That(error.Status, Is.EqualTo(200));
            Assert.That(error.ContentType, Is.EqualTo(OctetStream));
            Assert.That(error.Message, Does.StartWith("downloadDspData returned a body that is not a readable .npy array: Not a NumPy .npy file"));
            Assert.That(error.InnerException, Is.InstanceOf<NpyFormatException>().With.Message.Contains("JSON or an HTML page"));
        }
    }

    [TestCase(false, "only 5 follow the 128-byte header")]
    [TestCase(true, "only 5 follow the 128-byte header")]
    public async Task DownloadDspLabelsArray_TruncatedFile_IsAnApiErrorNamingTheCause(bool chunked, string expected)
    {
        // With a Content-Length the reader fails before allocating; chunked, when the data runs out. Same message.
        var truncated = CannedResponse.Binary(NpyFixtures.Bytes("error.truncated-data")) with { Chunked = chunked };

        var error = await CallFailsAsync(truncated, c => c.Dsp.DownloadDspLabelsArrayAsync(ProjectId, DspId, RawDataCategory.Training));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.OperationId, Is.EqualTo("downloadDspLabels"));
            Assert.That(error.InnerException, Is.InstanceOf<NpyFormatException>());
            Assert.That(error.Message, Does.Contain("data is truncated").And.Contain(expected));
        }
    }

    [Test]
    public async Task DownloadDspDataArray_UnsupportedDtype_IsAnApiErrorNamingTheDtype()
    {
        var error = await CallFailsAsync(
            CannedResponse.Binary(NpyFixtures.Bytes("error.unicode")),
            c => c.Dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training));

        Assert.That(error.Message, Does.Contain("Unsupported dtype '<U5'"));
    }

    [Test]
    public async Task DownloadDspDataArray_SuccessFalseBody_KeepsTheStudiosError()
    {
        var error = await CallFailsAsync(
            CannedResponse.Fixture("Common/error.success-false.json"),
            c => c.Dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.ErrorText, Is.EqualTo("No learning block found with ID 187"));
            Assert.That(error.InnerException, Is.Null);
        }
    }

    [Test]
    public async Task DownloadDspDataArray_OverMaxDownloadBytes_KeepsTheLimitError()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary(NpyFixtures.Bytes("float32-2d")) with { Chunked = true });
        using var client = server.CreateClient(o => o.MaxDownloadBytes = 100);

        var error = (await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training)))!;

        Assert.That(error.Message, Does.Contain("MaxDownloadBytes"));
    }

    [TestCase("float32-2d")]
    [TestCase("error.truncated-data")]
    public async Task ArrayDownloads_DisposeTheResponse_WhetherOrNotTheBodyReads(string fixture)
    {
        var stream = new TrickleStream(NpyFixtures.Bytes(fixture));
        var response = new Disposable();
        var dsp = DspClientDouble.Create(new FileResponse(200, new Dictionary<string, IEnumerable<string>>(), stream, null, response));

        try
        {
            await dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training);
        }
        catch (EdgeImpulseApiException)
        {
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Disposed, Is.True);
            Assert.That(response.Disposed, Is.True);
        }
    }

    private static async Task<EdgeImpulseApiException> CallFailsAsync(CannedResponse response, Func<EdgeImpulseClient, Task<NpyArray>> call)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(response);
        using var client = server.CreateClient();

        return (await Assert.ThrowsAsync<EdgeImpulseApiException>(() => call(client)))!;
    }

    private sealed class Disposable : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}

/// <summary>An <see cref="IDspClient"/> whose downloads return a given response (the extensions work on any implementation).</summary>
public class DspClientDouble : DispatchProxy
{
    private FileResponse? _download;

    internal static IDspClient Create(FileResponse download)
    {
        var client = DispatchProxy.Create<IDspClient, DspClientDouble>();
        ((DspClientDouble)(object)client)._download = download;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        nameof(IDspClient.DownloadDspDataAsync) or nameof(IDspClient.DownloadDspLabelsAsync) => Task.FromResult(_download!),
        _ => throw new NotSupportedException(targetMethod?.Name),
    };
}
