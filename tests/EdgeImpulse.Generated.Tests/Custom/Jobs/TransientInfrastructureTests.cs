using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>Job waits ride out infrastructure answers (408, a proxy's HTML 200, an empty or cut-off 200); a helper whose job succeeded keeps the job.</summary>
[TestFixture]
public sealed class TransientInfrastructureTests
{
    private const int ProjectId = 52187;
    private const long JobId = 1847312964;

    [TestCase("408")]
    [TestCase("captive-proxy-html-200")]
    [TestCase("empty-200")]
    [TestCase("truncated-json-200")]
    public async Task Wait_InfrastructureAnswer_IsTransient(string kind)
    {
        var answer = kind switch
        {
            "408" => CannedResponse.Json("{\"success\":false,\"error\":\"Request timeout\"}", 408),
            "captive-proxy-html-200" => CannedResponse.Text("<html><body>Please log in to the Wi-Fi</body></html>", "text/html", 200),
            "empty-200" => CannedResponse.Json(string.Empty),
            _ => CannedResponse.Json("{\"success\":true,\"job\":{\"id\":18473"),
        };
        await using var server = LoopbackServer.Start();
        server.Enqueue(answer).Enqueue(answer).Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        using var client = server.CreateClient();

        var job = await client.Jobs.AttachToJob(ProjectId, JobId).WaitForCompletionAsync(JobWaitTests.Fast(), CancellationToken.None);

        Assert.That(job.FinishedSuccessful, Is.True);
        Assert.That(server.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task TrainKeras_MetadataReadFailsAfterTheJobSucceeded_KeepsTheJobInTheException()
    {
        await using var server = LoopbackServer.Start();
        server.Responder = request =>
            request.Path.EndsWith("/metadata", StringComparison.Ordinal) ? CannedResponse.Json("{\"success\":false,\"error\":\"Service unavailable\"}", 503)
            : request.Path.Contains("/jobs/train/keras/", StringComparison.Ordinal) ? CannedResponse.Fixture("Jobs/trainKerasJob.success.json")
            : request.Path.EndsWith("/status", StringComparison.Ordinal) ? CannedResponse.Fixture("Jobs/getJobStatus.success.json")
            : null;
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.TrainKerasAsync(ProjectId, 4, options: JobWaitTests.Fast()));

        Assert.That(ex!.CompletedJob, Is.Not.Null);
        Assert.That(ex.CompletedJob!.Id, Is.EqualTo(JobId));
        Assert.That(ex.Status, Is.EqualTo(503));
        Assert.That(ex.OperationId, Is.EqualTo("getKerasMetadata"));
        Assert.That(ex.Message, Does.Contain($"Job {JobId} finished successfully"));
        Assert.That(server.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "training was started once");
    }
}
