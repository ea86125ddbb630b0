using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var usage = Regex.Match(readme, @"### Testing with the simulator\s+.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;
        var readmeLines = usage.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "EdgeImpulse.Generated.Tests", "Repository", "ReadmeSimulatorTests.cs"));
        var start = source.IndexOf(SnippetStart, StringComparison.Ordinal) + SnippetStart.Length;
        var testLines = source[start..source.IndexOf(SnippetEnd, start, StringComparison.Ordinal)]
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        Assert.That(readmeLines, Is.Not.Empty, "README.md has a \"Testing with the simulator\" C# example");
        Assert.That(testLines, Is.EqualTo(readmeLines), "README.md's simulator test and this test's copy of it differ");
    }
}
