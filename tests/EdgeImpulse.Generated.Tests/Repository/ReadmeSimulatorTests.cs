using System;
using System.IO;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>The README's user test with the simulator package, run as written; a test checks the two stay in step.</summary>
[TestFixture]
public sealed class ReadmeSimulatorTests
{
    private const string SnippetStart = "// --- as in README.md \"Testing with the simulator\" ---";
    private const string SnippetEnd = "// --- end of README.md \"Testing with the simulator\" ---";

    // --- as in README.md "Testing with the simulator" ---
    [Test]
    public async Task Training_FailsWithTheJobsOwnReason()
    {
        await using var sim = await StudioSimulator.StartAsync(new SimulatorOptions { Jobs = JobTimings.Fast });
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = sim.BaseUrl, ApiKey = sim.ApiKey });
        await client.GenerateFeaturesAsync(sim.ProjectId, sim.DspId);              // jobs succeed unless scripted

        sim.Faults.Add(new Fault { Kind = FaultKind.JobFails, OperationId = "trainKerasJob", JobFailureMessage = "ERR: out of memory" });
        sim.Faults.Add(new Fault { Kind = FaultKind.RateLimited, OperationId = "getJobStatus" });   // one 429 on the way

        var failure = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.TrainKerasAsync(sim.ProjectId, sim.LearnId));
        Assert.That(failure!.Message, Does.Contain("ERR: out of memory"));
    }
    // --- end of README.md "Testing with the simulator" ---

    [Test]
    public void ReadmeSimulatorTest_MatchesThisTestLineForLine()
    {
        var readmeLines = ReadmeSnippets.InReadme(@"### Testing with the simulator\s+.*?```csharp\n(?<code>.*?)```");
        var testLines = ReadmeSnippets.InTestSource(Path.Combine("Repository", "ReadmeSimulatorTests.cs"), SnippetStart, SnippetEnd);

        Assert.That(readmeLines, Is.Not.Empty, "README.md has a \"Testing with the simulator\" C# example");
        Assert.That(testLines, Is.EqualTo(readmeLines), "README.md's simulator test and this test's copy of it differ");
    }
}
