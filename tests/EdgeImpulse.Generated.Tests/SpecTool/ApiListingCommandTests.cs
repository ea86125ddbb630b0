using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>Tests of the `api-listing` step: reading the analyzer's findings, updating the listing, summarising.</summary>
[TestFixture]
public sealed class ApiListingCommandTests
{
    private const string BuildOutput = """
        /src/obj/Generated/EdgeImpulseClient.g.cs(10,5): warning RS0016: Symbol 'EdgeImpulse.Generated.Job.Logs.get -> string?' is not part of the declared public API (https://example) [/src/x.csproj]
        /src/obj/Generated/EdgeImpulseClient.g.cs(10,5): warning RS0016: Symbol 'EdgeImpulse.Generated.Job.Logs.get -> string?' is not part of the declared public API (https://example) [/src/x.csproj]
        /src/obj/Generated/EdgeImpulseClient.g.cs(12,5): warning RS0016: Symbol 'EdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, long jobId) -> Task!' is not part of the declared public API (https://example) [/src/x.csproj]
        CSC : warning RS0017: Symbol 'EdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, int jobId) -> Task!' is part of the declared API, but is either not public or could not be found (https://example) [/src/x.csproj]
        CSC : warning RS0017: Symbol 'EdgeImpulse.Generated.Sample.Category.get -> string!' is part of the declared API, but is either not public or could not be found (https://example) [/src/x.csproj]
        /src/Custom/X.cs(3,1): warning CS1591: Missing XML comment
        """;

    [Test]
    public void ParseCollectsEachSymbolOnceFromBothDiagnostics()
    {
        var findings = ApiListingCommand.Parse(BuildOutput);

        Assert.Multiple(() =>
        {
            Assert.That(findings.Added, Is.EqualTo(new[]
            {
                "EdgeImpulse.Generated.Job.Logs.get -> string?",
                "EdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, long jobId) -> Task!",
            }));
            Assert.That(findings.Removed, Is.EqualTo(new[]
            {
                "EdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, int jobId) -> Task!",
                "EdgeImpulse.Generated.Sample.Category.get -> string!",
            }));
        });
    }

    [Test]
    public void UpdateDropsRemovedLinesAddsNewOnesSortedAndMarksRemovedShippedApi()
    {
        var unshipped = new[] { "#nullable enable", "EdgeImpulse.Generated.Zeta", "EdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, int jobId) -> Task!" };
        var shipped = new[] { "EdgeImpulse.Generated.Sample.Category.get -> string!" };

        var updated = ApiListingCommand.Update(unshipped, shipped, ApiListingCommand.Parse(BuildOutput));

        Assert.That(updated, Is.EqualTo(new[]
        {
            "#nullable enable",
            "*REMOVED*EdgeImpulse.Generated.Sample.Category.get -> string!",
            "EdgeImpulse.Generated.Job.Logs.get -> string?",
            "EdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, long jobId) -> Task!",
            "EdgeImpulse.Generated.Zeta",
        }));
    }

    [Test]
    public void SummaryCountsASignatureChangeAsChangedNotAddedAndRemoved()
    {
        var summary = ApiListingCommand.Summarize(ApiListingCommand.Parse(BuildOutput));

        Assert.Multiple(() =>
        {
            Assert.That(summary[0], Is.EqualTo("public API: 1 added, 1 removed, 1 changed"));
            Assert.That(summary.Count(l => l.StartsWith("  ~ EdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, int jobId)", System.StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(summary, Does.Contain("  + EdgeImpulse.Generated.Job.Logs.get -> string?"));
            Assert.That(summary, Does.Contain("  - EdgeImpulse.Generated.Sample.Category.get -> string!"));
        });
    }

    [TestCase("EdgeImpulse.Generated.Job.Id.get -> long", ExpectedResult = "EdgeImpulse.Generated.Job.Id.get")]
    [TestCase("EdgeImpulse.Generated.Job.Job() -> void", ExpectedResult = "EdgeImpulse.Generated.Job.Job")]
    [TestCase("EdgeImpulse.Generated.Job", ExpectedResult = "EdgeImpulse.Generated.Job")]
    public string SymbolNameIsTheTextBeforeTheSignature(string line) => ApiListingCommand.SymbolName(line);
}
