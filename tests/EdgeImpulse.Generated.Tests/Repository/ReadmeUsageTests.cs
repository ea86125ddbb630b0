using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>The README's usage example, run as written against the simulator; a test checks the two stay in step.</summary>
[TestFixture]
public sealed class ReadmeUsageTests
{
    private const string SnippetStart = "// --- as in README.md \"Usage\" ---";
    private const string SnippetEnd = "// --- end of README.md \"Usage\" ---";
    private const string RawSnippetStart = "// --- as in README.md \"Any other operation\" ---";
    private const string RawSnippetEnd = "// --- end of README.md \"Any other operation\" ---";

    [Test]
    public async Task ReadmeUsageExample_RunsAsWrittenAgainstTheSimulator()
    {
        await using var sim = await StudioSimulator.StartAsync(new SimulatorOptions { Jobs = JobTimings.Fast });
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = sim.BaseUrl, ApiKey = sim.ApiKey });

        // --- as in README.md "Usage" ---
        const int projectId = 52187;

        var impulse = (await client.Impulse.GetImpulseAsync(projectId)).Impulse      // the block ids live here
            ?? throw new InvalidOperationException("The project has no impulse yet.");
        int dspId = impulse.DspBlocks[0].Id ?? throw new InvalidOperationException("no DSP block id");  // fields are nullable: see Types
        int learnId = impulse.LearnBlocks[0].Id ?? throw new InvalidOperationException("no learn block id");

        await client.Dsp.SetDspConfigAsync(projectId, dspId, new DspConfigRequest { Config = { ["scale-axes"] = "1" } });
        var featureJob = await client.GenerateFeaturesAsync(projectId, dspId);        // starts the job, waits for it

        var training = await client.Jobs.StartTrainKerasAsync(projectId, learnId, new SetKerasParameterRequest { TrainingCycles = 30 });
        await foreach (var line in training.StreamLogsAsync())                        // live log: no line lost or repeated
        {
            Console.Write(line.Data);
        }

        var job = await training.WaitForCompletionAsync(new JobWaitOptions { Timeout = TimeSpan.FromHours(2), CancelJobOnAbort = true });
        var metadata = await client.Learn.GetKerasMetadataAsync(projectId, learnId);
        Console.WriteLine($"job {job.Id}: accuracy {metadata.ModelValidationMetrics[0].Accuracy:P1}");

        NpyArray features = await client.Dsp.DownloadDspDataArrayAsync(projectId, dspId, RawDataCategory.Training);
        var values = features.As<float>();                                            // shape (windows, features)
        Console.WriteLine($"{features.Shape[0]} windows x {features.Shape[1]} features, first {values[0, 0]}");
        // --- end of README.md "Usage" ---

        using (Assert.EnterMultipleScope())
        {
            Assert.That(featureJob.FinishedSuccessful, Is.True);
            Assert.That(job.FinishedSuccessful, Is.True);
            Assert.That(metadata.ModelValidationMetrics[0].Accuracy, Is.InRange(0.0, 1.0));
            Assert.That(features.Rank, Is.EqualTo(2));
            Assert.That(features.Shape[0], Is.GreaterThan(0));
            Assert.That((double)values[0, 0], Is.EqualTo(features.ToDoubleArray()[0]));
            Assert.That(sim.Requests.Single(r => r.OperationId == "setDspConfig").Body, Does.Contain("\"scale-axes\":\"1\""));
        }
    }

    [Test]
    public void ReadmeUsageExample_MatchesThisTestLineForLine()
    {
        var readmeLines = ReadmeSnippets.InReadme(@"## Usage\s+```csharp\n(?<code>.*?)```").Where(l => !l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var testLines = ReadmeSnippets.InTestSource(Path.Combine("Repository", "ReadmeUsageTests.cs"), SnippetStart, SnippetEnd);

        Assert.That(testLines, Is.EqualTo(readmeLines), "README.md's Usage example and this test's copy of it differ");
    }

    [Test]
    public async Task ReadmeRawExample_SendsWhatItSays()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":true,\"targets\":[{\"format\":\"zip\"}]}"));
        using var client = server.CreateClient();
        const int projectId = 52187;

        // --- as in README.md "Any other operation" ---
        var targets = await client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/{projectId}/deployment/targets")
        {
            PathValues = { ["projectId"] = projectId },
            OperationId = "listDeploymentTargets",
        });
        // --- end of README.md "Any other operation" ---

        Assert.That((string?)targets["targets"]![0]!["format"], Is.EqualTo("zip"));
        Assert.That(server.SingleRequest.Path, Is.EqualTo("/v1/api/52187/deployment/targets"));
        Assert.That(server.SingleRequest.Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey));
    }

    [Test]
    public void ReadmeRawExample_MatchesThisTestLineForLine()
    {
        var readmeLines = ReadmeSnippets.InReadme(@"\*\*Any other operation\.\*\*.*?```csharp\n(?<code>.*?)```");
        var testLines = ReadmeSnippets.InTestSource(Path.Combine("Repository", "ReadmeUsageTests.cs"), RawSnippetStart, RawSnippetEnd);

        Assert.That(readmeLines, Is.Not.Empty, "README.md has no \"Any other operation\" example");
        Assert.That(testLines, Is.EqualTo(readmeLines), "README.md's \"Any other operation\" example and this test's copy of it differ");
    }
}
