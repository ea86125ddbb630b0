using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

/// <summary>Every way a call can fail ends in one typed exception (or a cancellation), never a raw parser error.</summary>
[TestFixture]
public sealed class ApiConnectionErrorTests
{
    [Test]
    public async Task SuccessFalse_WithHttp200_ThrowsWithErrorTextAndOperation()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Common/error.success-false.json"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(52187, 187));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(200));
            Assert.That(ex.ErrorText, Is.EqualTo("No learning block found with ID 187"));
            Assert.That(ex.OperationId, Is.EqualTo("getKeras"));
            Assert.That(ex.Message, Does.Contain("getKeras").And.Contain("No learning block found with ID 187"));
            Assert.That(ex.BodyExcerpt, Does.Contain("\"success\": false").Or.Contain("\"success\":false"));
        }
    }

    [Test]
    public async Task NotFound_WithJsonEnvelope_ThrowsWithStatusAndErrorText()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Common/error.project-not-found.json", status: 404));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Impulse.GetImpulseAsync(999999));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(404));
            Assert.That(ex.ErrorText, Does.Contain("999999"));
            Assert.That(ex.OperationId, Is.EqualTo("getImpulse"));
        }
    }

    [Test]
    public async Task BadGatewayHtmlPage_ThrowsTypedErrorNamingTheContentType()
    {
        await using var server = LoopbackServer.Start();
        var html = File.ReadAllBytes(TestPaths.Fixture("Common/error.bad-gateway.html"));
        server.Enqueue(new CannedResponse(502, html, "text/html"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.GetDspConfigAsync(52187, 3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(502));
            Assert.That(ex.ErrorText, Is.Null);
            Assert.That(ex.ContentType, Does.StartWith("text/html"));
            Assert.That(ex.Message, Does.Contain("not JSON").And.Contain("text/html"));
            Assert.That(ex.BodyExcerpt, Does.Contain("502 Bad Gateway"));
        }
    }

    [TestCase("{\"success\": true, \"dependencies\": ", TestName = "MalformedJson_Truncated")]
    [TestCase("", TestName = "MalformedJson_EmptyBody")]
    [TestCase("{\"success\": true} trailing", TestName = "MalformedJson_TrailingContent")]
    public async Task MalformedJson_ThrowsTypedErrorWithTheParserErrorInside(string body)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json(body));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(52187, 4));

        Assert.That(ex!.Status, Is.EqualTo(200));
        Assert.That(ex.InnerException, Is.InstanceOf<Newtonsoft.Json.JsonReaderException>());
    }

    [Test]
    public async Task JsonThatDoesNotFitTheResponseType_ThrowsTypedError()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": true, \"id\": \"not-a-number\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() =>
            client.Jobs.GenerateFeaturesJobAsync(52187, new GenerateFeaturesRequest { DspId = 3 }));

        Assert.That(ex!.Message, Does.Contain("StartJobResponse"));
        Assert.That(ex.InnerException, Is.Not.Null);
    }

    [Test]
    public async Task JsonArrayWhereAnObjectBelongs_ThrowsTypedError()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("[1, 2, 3]"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(52187, 1847312964));

        Assert.That(ex!.Message, Does.Contain("Array"));
    }

    [Test]
    public async Task NoServerListening_ThrowsTypedErrorWithStatusZero()
    {
        Uri deadAddress;
        await using (var server = LoopbackServer.Start())
        {
            deadAddress = server.BaseUrl;
        }

        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = deadAddress, ApiKey = LoopbackServer.ApiKey });

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(52187, 1));

        Assert.That(ex!.Status, Is.Zero);
        Assert.That(ex.Message, Does.Contain("getJobStatus"));
    }

    [Test]
    public async Task SlowServer_BeyondTheConfiguredTimeout_ThrowsTypedTimeoutError()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json") with { Delay = TimeSpan.FromSeconds(30) });
        using var client = server.CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(52187, 1847312964));

        Assert.That(ex!.Status, Is.Zero);
        Assert.That(ex.Message, Does.Contain("timed out"));
    }

    [Test]
    public async Task CallerCancellation_SurfacesAsOperationCanceled()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json") with { Delay = TimeSpan.FromSeconds(30) });
        using var client = server.CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(
            async () => await client.Jobs.GetJobStatusAsync(52187, 1847312964, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task ApiKeyEchoedByTheServer_IsRedactedFromEveryErrorSurface()
    {
        await using var server = LoopbackServer.Start();
        var echo = $"{{\"success\": false, \"error\": \"Invalid API key {LoopbackServer.ApiKey}\"}}";
        server.Enqueue(CannedResponse.Json(echo, status: 401));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(52187, 4));

        var surfaces = new[] { ex!.Message, ex.ToString(), ex.ErrorText ?? string.Empty, ex.BodyExcerpt ?? string.Empty, client.Options.ToString() };
        Assert.That(surfaces, Has.None.Contain(LoopbackServer.ApiKey));
        Assert.That(ex.ErrorText, Is.EqualTo("Invalid API key ***"));
    }

    [Test]
    public async Task Jwt_IsSentAsJwtHeaderAndNeverAsApiKey()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Impulse/getImpulse.success.json"));
        using var client = server.CreateClient(o =>
        {
            o.ApiKey = null;
            o.JwtToken = "eyJhbGciOiJIUzI1NiJ9.test.signature";
        });

        await client.Impulse.GetImpulseAsync(52187);

        Assert.That(server.SingleRequest.Header("x-jwt-token"), Is.EqualTo("eyJhbGciOiJIUzI1NiJ9.test.signature"));
        Assert.That(server.SingleRequest.Header("x-api-key"), Is.Null);
        Assert.That(client.Options.ToString(), Does.Not.Contain("eyJ"));
    }

    [Test]
    public async Task BinaryDownload_ReceivingAJsonErrorEnvelopeWithHttp200_ThrowsTypedError()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": false, \"error\": \"No features generated yet for DSP block 3\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspDataAsync(52187, 3, RawDataCategory.Training));

        Assert.That(ex!.ErrorText, Is.EqualTo("No features generated yet for DSP block 3"));
        Assert.That(ex.OperationId, Is.EqualTo("downloadDspData"));
    }

    [Test]
    public async Task BinaryDownload_NotFoundWithJsonBody_ThrowsWithStatusAndErrorText()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": false, \"error\": \"DSP block 99 not found\"}", status: 404));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspLabelsAsync(52187, 99, RawDataCategory.Testing));

        Assert.That(ex!.Status, Is.EqualTo(404));
        Assert.That(ex.ErrorText, Is.EqualTo("DSP block 99 not found"));
    }

    [Test]
    public async Task BinaryDownload_AnnouncedLengthOverTheLimit_ThrowsBeforeReading()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary(new byte[4096]));
        using var client = server.CreateClient(o => o.MaxDownloadBytes = 1024);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.DownloadLearnModelAsync(52187, 3, "tflite-float32"));

        Assert.That(ex!.Message, Does.Contain("4096").And.Contain("1024"));
    }

    [Test]
    public async Task BinaryDownload_ChunkedBodyOverTheLimit_ThrowsWhileReading()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary(new byte[8192]) with { Chunked = true });
        using var client = server.CreateClient(o => o.MaxDownloadBytes = 1000);

        using var download = await client.Learn.DownloadLearnModelAsync(52187, 3, "tflite-float32");
        Assert.That(download.ContentLength, Is.Null);

        Assert.That(async () => await download.Stream.CopyToAsync(Stream.Null), Throws.InstanceOf<EdgeImpulseApiException>().With.Message.Contain("1000"));
    }

    [Test]
    public async Task TextDownload_ReceivingJsonErrorEnvelope_ThrowsTypedError()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": false, \"error\": \"Job 5 not found\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.DownloadJobsLogsAsync(52187, 5));

        Assert.That(ex!.ErrorText, Is.EqualTo("Job 5 not found"));
    }

    [Test]
    public async Task RequestBodyMissingARequiredField_IsRejectedBeforeAnythingIsSent()
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Dsp.SetDspConfigAsync(52187, 3, new DspConfigRequest { Config = null! }));

        Assert.That(ex!.Message, Does.Contain("Config"));
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public async Task NullBodyOrEmptyPathSegment_IsRejectedBeforeAnythingIsSent()
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Learn.SetKerasAsync(52187, 4, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Learn.DownloadLearnModelAsync(52187, 3, string.Empty));
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public void InvalidOptions_AreRejectedWithClearArgumentErrors()
    {
        Assert.Throws<ArgumentException>(() => _ = new EdgeImpulseClient(new EdgeImpulseClientOptions { ApiKey = "a", JwtToken = "b" }));
        Assert.Throws<ArgumentException>(() => _ = new EdgeImpulseClient(new EdgeImpulseClientOptions { ApiKey = string.Empty }));
        Assert.Throws<ArgumentException>(() => _ = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = new Uri("/v1", UriKind.Relative) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new EdgeImpulseClient(new EdgeImpulseClientOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new EdgeImpulseClient(new EdgeImpulseClientOptions { MaxDownloadBytes = 0 }));
    }

    [Test]
    public void OptionsAreCopied_SoLaterChangesDoNotLeakIntoTheClient()
    {
        var options = new EdgeImpulseClientOptions { ApiKey = "ei_first" };
        using var client = new EdgeImpulseClient(options);

        options.ApiKey = "ei_second";

        Assert.That(client.Options.ApiKey, Is.EqualTo("ei_first"));
        Assert.That(client.Options.BaseUrl, Is.EqualTo(new Uri("https://studio.edgeimpulse.com/v1")));
    }
}
