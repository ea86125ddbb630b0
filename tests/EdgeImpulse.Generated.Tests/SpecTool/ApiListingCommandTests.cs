using System.IO;
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

    private static readonly object[] ListingLines =
    [
        new object[] { "EdgeImpulse.Generated.Job", "EdgeImpulse.Generated.Job" },
        new object[] { "EdgeImpulse.Generated.Job.Logs.get -> string?", "EdgeImpulse.Generated.Job.Logs.get" },
        new object[] { "EdgeImpulse.Generated.Job.Job() -> void", "EdgeImpulse.Generated.Job.Job" },
        new object[] { "virtual EdgeImpulse.Generated.DspClient.ClearDspBlockAsync(int projectId, int dspId, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken)) -> System.Threading.Tasks.Task<EdgeImpulse.Generated.GenericApiResponse!>!", "EdgeImpulse.Generated.DspClient.ClearDspBlockAsync" },
        new object[] { "static EdgeImpulse.Generated.AnomalyCapacity.FromValue(string! value) -> EdgeImpulse.Generated.AnomalyCapacity", "EdgeImpulse.Generated.AnomalyCapacity.FromValue" },
        new object[] { "static EdgeImpulse.Generated.AnomalyCapacity.High.get -> EdgeImpulse.Generated.AnomalyCapacity", "EdgeImpulse.Generated.AnomalyCapacity.High.get" },
        new object[] { "static EdgeImpulse.Generated.AnomalyCapacity.operator ==(EdgeImpulse.Generated.AnomalyCapacity left, EdgeImpulse.Generated.AnomalyCapacity right) -> bool", "EdgeImpulse.Generated.AnomalyCapacity.operator ==" },
        new object[] { "static EdgeImpulse.Generated.AnomalyCapacity.implicit operator EdgeImpulse.Generated.AnomalyCapacity(string! value) -> EdgeImpulse.Generated.AnomalyCapacity", "EdgeImpulse.Generated.AnomalyCapacity.implicit operator EdgeImpulse.Generated.AnomalyCapacity" },
        new object[] { "override EdgeImpulse.Generated.AnomalyCapacity.Equals(object? obj) -> bool", "EdgeImpulse.Generated.AnomalyCapacity.Equals" },
        new object[] { "abstract EdgeImpulse.Generated.Npy.NpyArray.ToDoubleArray() -> double[]!", "EdgeImpulse.Generated.Npy.NpyArray.ToDoubleArray" },
        new object[] { "const EdgeImpulse.Generated.JobWaitOptions.MaxLogLinesPerRequest = 1000 -> int", "EdgeImpulse.Generated.JobWaitOptions.MaxLogLinesPerRequest" },
        new object[] { "static readonly EdgeImpulse.Generated.Limits.Default -> EdgeImpulse.Generated.Limits!", "EdgeImpulse.Generated.Limits.Default" },
        new object[] { "sealed override EdgeImpulse.Generated.Job.ToString() -> string!", "EdgeImpulse.Generated.Job.ToString" },
        new object[] { "static EdgeImpulse.Generated.Helpers", "EdgeImpulse.Generated.Helpers" },
        new object[] { "*REMOVED*static EdgeImpulse.Generated.AnomalyCapacity.Low.get -> EdgeImpulse.Generated.AnomalyCapacity", "EdgeImpulse.Generated.AnomalyCapacity.Low.get" },
        new object[] { "~EdgeImpulse.Generated.Legacy.Name.get -> string", "EdgeImpulse.Generated.Legacy.Name.get" },
    ];

    [TestCaseSource(nameof(ListingLines))]
    public void SymbolName_IsTheMemberTheLineDenotes_WithoutModifiersOrSignature(string line, string expected) =>
        Assert.That(ApiListingCommand.SymbolName(line), Is.EqualTo(expected));

    [Test]
    public void Summary_CountsStaticAndOverrideMembersOneByOne_AndAModifierChangeAsChanged()
    {
        var findings = new ApiListingCommand.Findings(
            Added:
            [
                "static EdgeImpulse.Generated.AnomalyCapacity.High.get -> EdgeImpulse.Generated.AnomalyCapacity",
                "static EdgeImpulse.Generated.AnomalyCapacity.Low.get -> EdgeImpulse.Generated.AnomalyCapacity",
                "override EdgeImpulse.Generated.Job.ToString() -> string!",
                "EdgeImpulse.Generated.DspClient.ClearDspBlockAsync(int projectId) -> System.Threading.Tasks.Task!",
            ],
            Removed:
            [
                "static EdgeImpulse.Generated.LearnBlockType.Keras.get -> EdgeImpulse.Generated.LearnBlockType",
                "override EdgeImpulse.Generated.Sample.ToString() -> string!",
                "virtual EdgeImpulse.Generated.DspClient.ClearDspBlockAsync(int projectId) -> System.Threading.Tasks.Task!",
            ]);

        var summary = ApiListingCommand.Summarize(findings);

        Assert.That(summary[0], Is.EqualTo("public API: 3 added, 2 removed, 1 changed"));
        Assert.That(summary[^1], Is.EqualTo("  ~ virtual EdgeImpulse.Generated.DspClient.ClearDspBlockAsync(int projectId) -> System.Threading.Tasks.Task!  =>  EdgeImpulse.Generated.DspClient.ClearDspBlockAsync(int projectId) -> System.Threading.Tasks.Task!"));
        Assert.That(summary.Count(l => l.StartsWith("  + ", System.StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(summary.Count(l => l.StartsWith("  - ", System.StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public void Run_WhenTheBuildHasRealErrorsBesideTheFindings_FailsAndLeavesTheListingAlone()
    {
        const string output = BuildOutput + "\n/src/Custom/X.cs(3,1): error CS0103: The name 'y' does not exist in the current context [/src/x.csproj]";

        var (exitCode, listing, error) = RunWithBuild(1, output);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(listing, Is.EqualTo(OriginalListing));
            Assert.That(error, Does.Contain("CS0103").And.Contain("does not build"));
        });
    }

    [Test]
    public void Run_WhenTheBuildFailsWithoutAnyDiagnostic_Fails()
    {
        var (exitCode, listing, error) = RunWithBuild(1, "Build FAILED.\n    0 Error(s)");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(listing, Is.EqualTo(OriginalListing));
            Assert.That(error, Does.Contain("Build FAILED"));
        });
    }

    [TestCase(0, "warning", TestName = "Run_WhenTheOnlyFindingsAreAnalyzerWarnings_UpdatesTheListing")]
    [TestCase(1, "error", TestName = "Run_WhenTheOnlyErrorsAreTheAnalyzerFindings_UpdatesTheListing")]
    public void Run_WithOnlyAnalyzerFindings_UpdatesTheListing(int buildExitCode, string severity)
    {
        var (exitCode, listing, _) = RunWithBuild(buildExitCode, BuildOutput.Replace("warning RS00", severity + " RS00", System.StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(listing, Does.Contain("EdgeImpulse.Generated.Job.Logs.get -> string?\n").And.Not.Contain("GetJobStatusAsync(int projectId, int jobId)"));
        });
    }

    [Test]
    public void BuildErrors_AreTheLinesWhoseFirstMarkerIsError_WithTheirCodes()
    {
        var errors = ApiListingCommand.BuildErrors("""
            /src/X.cs(1,1): warning CS1591: the word error : appears in this message
            /src/X.cs(2,1): error CS0103: The name 'y' does not exist
            /src/X.cs(2,1): error CS0103: The name 'y' does not exist
            SpecTool: error : the correction is stale
                0 Error(s)
            """);

        Assert.That(errors, Is.EqualTo(new[]
        {
            ("CS0103", "/src/X.cs(2,1): error CS0103: The name 'y' does not exist"),
            ("", "SpecTool: error : the correction is stale"),
        }));
    }

    private const string OriginalListing = "#nullable enable\nEdgeImpulse.Generated.JobsClient.GetJobStatusAsync(int projectId, int jobId) -> Task!\n";

    private static (int ExitCode, string Listing, string Error) RunWithBuild(int buildExitCode, string buildOutput)
    {
        var directory = Path.Combine(Path.GetTempPath(), "api-listing-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var project = Path.Combine(directory, "Library.csproj");
            File.WriteAllText(project, "<Project />");
            File.WriteAllText(Path.Combine(directory, "PublicAPI.Unshipped.txt"), OriginalListing);
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = ApiListingCommand.Run(["--project", project], output, error, p => p == project ? (buildExitCode, buildOutput) : throw new AssertionException(p));

            return (exitCode, File.ReadAllText(Path.Combine(directory, "PublicAPI.Unshipped.txt")), error.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCase("EdgeImpulse.Generated.Job.Id.get -> long", ExpectedResult = "EdgeImpulse.Generated.Job.Id.get")]
    [TestCase("EdgeImpulse.Generated.Job.Job() -> void", ExpectedResult = "EdgeImpulse.Generated.Job.Job")]
    [TestCase("EdgeImpulse.Generated.Job", ExpectedResult = "EdgeImpulse.Generated.Job")]
    public string SymbolNameIsTheTextBeforeTheSignature(string line) => ApiListingCommand.SymbolName(line);
}
