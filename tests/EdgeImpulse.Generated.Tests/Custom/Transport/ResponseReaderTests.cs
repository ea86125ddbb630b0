using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// The read half of a call against a loopback server: the envelope read while the body streams into T, the size limit
/// on JSON and text answers, and messages that quote only a bounded, redacted excerpt of what the server sent.
/// </summary>
[TestFixture]
public sealed class ResponseReaderTests
{
    private const int ProjectId = 52187;
    private const int MessageBound = 2 * 1024;

    [TestCase("{\"job\": {\"id\": 1, \"success\": false}, \"success\": true}", TestName = "Envelope_NestedSuccessFalse_IsNotTheEnvelope")]
    [TestCase("{\"job\": {\"id\": 1}}", TestName = "Envelope_WithoutSuccess_IsNotAFailure")]
    [TestCase("\uFEFF{\"success\": true, \"job\": {\"id\": 1}}", TestName = "Envelope_AfterAByteOrderMark_Reads")]
    [TestCase("{\"success\": true, \"job\": {\"id\": 1}, \"error\": \"ignored without success false\"}\n\t ", TestName = "Envelope_ErrorTextWithSuccessTrue_AndTrailingWhitespace_Reads")]
    public async Task Envelope_OnlyATopLevelSuccessFalseFailsTheCall(string body)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json(body));
        using var client = server.CreateClient();

        var job = await client.Jobs.GetJobStatusAsync(ProjectId, 1);

        Assert.That(job.Job!.Id, Is.EqualTo(1));
    }

    [Test]
    public async Task Envelope_SuccessFalseAfterTheData_FailsWithTheErrorText()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"job\": {\"id\": 1}, \"error\": \"Job is gone\", \"success\": false}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(ProjectId, 1));

        Assert.That((ex!.Status, ex.ErrorText, ex.Message), Is.EqualTo((200, "Job is gone", "getJobStatus failed (HTTP 200): Job is gone")));
    }

    [Test]
    public async Task Envelope_SuccessFalseWhoseDataDoesNotFit_StillReportsTheErrorText()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": false, \"error\": \"No such job\", \"job\": \"not an object\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(ProjectId, 1));

        Assert.That(ex!.ErrorText, Is.EqualTo("No such job"));
        Assert.That(ex.InnerException, Is.Not.Null);
    }

    [Test]
    public async Task LargeBody_WithMultiByteCharactersAcrossSegments_ReadsExactly()
    {
        // Over two 64 KB segments of three-byte characters, so some characters are split between segments.
        var name = string.Concat(Enumerable.Repeat("日本語のモデル", 10_000));
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": true, \"job\": {\"id\": 1, \"category\": \"" + name + "\"}}") with { Chunked = true });
        using var client = server.CreateClient();

        var job = await client.Jobs.GetJobStatusAsync(ProjectId, 1);

        Assert.That(job.Job!.Category, Is.EqualTo(name));
    }

    [Test]
    public async Task JsonAnswer_AnnouncedOverMaxResponseBytes_FailsBeforeReading()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Learn/getKeras.success.json"));
        using var client = server.CreateClient(o => o.MaxResponseBytes = 1000);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(ProjectId, 4));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(200));
            Assert.That(ex.Message, Does.Contain("6685 bytes").And.Contain("1000 bytes").And.Contain("MaxResponseBytes"));
        }
    }

    [Test]
    public async Task JsonAnswer_ChunkedOverMaxResponseBytes_FailsWhileReading()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Learn/getKeras.success.json") with { Chunked = true });
        using var client = server.CreateClient(o => o.MaxResponseBytes = 1000);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(ProjectId, 4));

        Assert.That(ex!.Message, Does.Contain("larger than the configured limit of 1000 bytes").And.Contain("MaxResponseBytes"));
    }

    [Test]
    public async Task JsonAnswer_ExactlyMaxResponseBytes_Reads()
    {
        var body = TestPaths.ReadFixture("Learn/getKeras.success.json");
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json(body) with { Chunked = true });
        using var client = server.CreateClient(o => o.MaxResponseBytes = Encoding.UTF8.GetByteCount(body));

        var keras = await client.Learn.GetKerasAsync(ProjectId, 4);

        Assert.That(keras.Success, Is.True);
    }

    [Test]
    public async Task TextAnswer_OverMaxResponseBytes_Fails()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Text(new string('x', 5000)) with { Chunked = true });
        using var client = server.CreateClient(o => o.MaxResponseBytes = 4096);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.DownloadJobsLogsAsync(ProjectId, 5));

        Assert.That(ex!.Message, Does.Contain("4096").And.Contain("MaxResponseBytes"));
    }

    [Test]
    public async Task TextAnswer_NonAsciiInItsCharset_Reads()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Text("Epoch 1/30 — loss: 0.5 ✓\n"));
        using var client = server.CreateClient();

        var log = await client.Jobs.DownloadJobsLogsAsync(ProjectId, 5);

        Assert.That(log, Is.EqualTo("Epoch 1/30 — loss: 0.5 ✓\n"));
    }

    [Test]
    public async Task AHugeValueThatDoesNotFit_IsQuotedOnlyInPart_EverywhereInTheException()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": true, \"id\": \"" + new string('9', 200_000) + "x\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() =>
            client.Jobs.GenerateFeaturesJobAsync(ProjectId, new GenerateFeaturesRequest { DspId = 3 }));

        Assert.That(ex!.Message, Does.Contain("StartJobResponse"));
        Assert.That(MessagesOf(ex), Has.All.Length.LessThan(MessageBound));
        Assert.That(ex.InnerException, Is.InstanceOf<Newtonsoft.Json.JsonException>(), "the parser's exception is kept, its message bounded");
    }

    [Test]
    public async Task AHugeErrorText_IsQuotedOnlyInPart_ButKeptWholeInErrorText()
    {
        var text = new string('e', 100_000);
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": false, \"error\": \"" + text + "\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(ProjectId, 4));

        Assert.That(MessagesOf(ex!), Has.All.Length.LessThan(MessageBound));
        Assert.That(ex!.BodyExcerpt!.Length, Is.LessThanOrEqualTo(513));
        Assert.That(ex.ErrorText, Is.EqualTo(text));
    }

    [Test]
    public async Task AnErrorBodyOverItsReadBound_IsReadOnlyInPart_AndSaysSo()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": false, \"error\": \"" + new string('e', 200_000) + "\"}", status: 500));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(ProjectId, 4));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(500));
            Assert.That(ex.Message, Does.Contain("longer than the 65536 bytes read of it"));
            Assert.That(ex.BodyExcerpt, Does.StartWith("{\"success\": false"));
        }
    }

    [Test]
    public async Task ACredentialInAValueThatDoesNotFit_IsRedactedFromTheParserMessagesToo()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\": true, \"id\": \"" + LoopbackServer.ApiKey + "\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() =>
            client.Jobs.GenerateFeaturesJobAsync(ProjectId, new GenerateFeaturesRequest { DspId = 3 }));

        Assert.That(MessagesOf(ex!).Append(ex!.ToString()), Has.None.Contain(LoopbackServer.ApiKey));
    }

    [Test]
    public async Task ACredentialStraddlingTheExcerptCut_IsRedactedNotCut()
    {
        // The key starts 500 characters in, so a cut at 512 characters would leave its first 12 characters.
        var body = "{\"success\": false, \"error\": \"" + new string('a', 470) + LoopbackServer.ApiKey + new string('b', 1000) + "\"}";
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json(body));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(ProjectId, 4));

        Assert.That(ex!.BodyExcerpt, Does.Contain("***").And.Not.Contain(LoopbackServer.ApiKey[..12]));
    }

    private static IEnumerable<string> MessagesOf(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
