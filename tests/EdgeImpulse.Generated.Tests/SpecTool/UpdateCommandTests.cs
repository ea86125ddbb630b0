using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// The <c>update</c> command end to end on a miniature upstream spec and its next release
/// (Fixtures/SpecTool/upstream.v1.yaml, upstream.v2.yaml): files written, exit codes, printed errors and summary.
/// </summary>
[TestFixture]
public sealed class UpdateCommandTests
{
    private string _directory = null!;

    private string Out => Path.Combine(_directory, "openapi.yaml");

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "spectool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Update_WritesTheListedOperationsAndWhatTheyReference_AndExitsZero()
    {
        var run = Update("upstream.v1.yaml");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("SpecTool: kept 3 of 5 operations, components: 2 parameters, 1 responses, 5 schemas, 1 securitySchemes")
            .And.Contain($"SpecTool: wrote {Out}"));
        var written = YamlJson.Load(Out);
        Assert.That(SpecTrimmer.Operations(written).Select(o => (string?)o.Operation["operationId"]), Is.EquivalentTo(new[] { "cancelJob", "getJobStatus", "getSample" }));
        Assert.That(written.SelectToken("components.schemas")!.Children<JProperty>().Select(p => p.Name),
            Is.EqualTo(new[] { "GenericApiResponse", "GetJobResponse", "GetSampleResponse", "Job", "JobState" }));
        Assert.That(written.SelectToken("components.securitySchemes.JWTAuthentication"), Is.Null);
        Assert.That(written.SelectToken("components.parameters.UnusedParameter"), Is.Null);
    }

    [Test]
    public void Update_HeaderNamesTheUpstreamFileItsVersionAndHash_WithoutATimestamp()
    {
        Update("upstream.v1.yaml");

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestPaths.Fixture("SpecTool/upstream.v1.yaml"))));
        var header = File.ReadLines(Out).TakeWhile(line => line.StartsWith('#')).ToList();
        Assert.That(header, Has.Some.EqualTo($"# Source: upstream.v1.yaml (info.version 1.4.0, sha256 {hash})."));
        Assert.That(header, Has.Some.Contains("the 3 operations listed in operations.txt"));
        Assert.That(string.Join("\n", header), Does.Not.Match(@"\d{4}-\d{2}-\d{2}"));
    }

    [Test]
    public void Update_HeaderNamesTheServiceFromTheUpstreamTitle_NotAFixedOne()
    {
        Update("upstream.v1.yaml");

        var title = (string)YamlJson.Load(TestPaths.Fixture("SpecTool/upstream.v1.yaml"))["info"]!["title"]!;
        var header = string.Join("\n", File.ReadLines(Out).TakeWhile(line => line.StartsWith('#')));
        Assert.That(header, Does.StartWith($"# Vendored subset of the {title} spec (OpenAPI "));
        Assert.That(header, Does.Not.Contain("Edge Impulse"));
    }

    [Test]
    public void Update_RunTwice_GivesByteIdenticalFiles_AndTheSecondRunChangesNothing()
    {
        Update("upstream.v1.yaml");
        var first = File.ReadAllBytes(Out);

        var second = Update("upstream.v1.yaml");

        Assert.That(second.ExitCode, Is.Zero, second.Error);
        Assert.That(second.Output, Does.Contain("is unchanged").And.Contain("no operation or schema changes against the previous file"));
        Assert.That(File.ReadAllBytes(Out), Is.EqualTo(first));
    }

    [Test]
    public void Update_OfAShuffledUpstreamAndOperationList_GivesTheSameSpec()
    {
        Update("upstream.v1.yaml");
        var shuffledUpstream = Path.Combine(_directory, "upstream.v1.yaml");
        var upstream = (JObject)YamlJson.Load(TestPaths.Fixture("SpecTool/upstream.v1.yaml"));
        Reverse((JObject)upstream["paths"]!);
        Reverse((JObject)upstream["components"]!);
        foreach (var section in ((JObject)upstream["components"]!).Properties())
        {
            Reverse((JObject)section.Value);
        }

        File.WriteAllText(shuffledUpstream, YamlWriter.Write(upstream, "shuffled"));
        var shuffledOperations = Path.Combine(_directory, "operations.txt");
        File.WriteAllLines(shuffledOperations, ["getSample", "cancelJob", "getJobStatus"]);
        var expected = Body(File.ReadAllText(Out));

        var run = Update(shuffledUpstream, operations: shuffledOperations, output: Path.Combine(_directory, "shuffled.yaml"));

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(Body(File.ReadAllText(Path.Combine(_directory, "shuffled.yaml"))), Is.EqualTo(expected), "only the header (the upstream file's hash) may differ");
    }

    [Test]
    public void Update_ToTheNextRelease_PrintsWhatChanged()
    {
        Update("upstream.v1.yaml");
        var operations = Path.Combine(_directory, "operations.txt");
        File.WriteAllText(operations, "getJobStatus\ngetSample\n");

        var run = Update("upstream.v2.yaml", operations: operations);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("""
            SpecTool: changes against the previous file:
              operations: 1 removed
                - cancelJob (POST /api/{projectId}/jobs/{jobId}/cancel)
              schemas: 1 added, 1 removed
                + GetSampleDspResponse
                - GetSampleResponse
              members: 1 added, 1 changed type
                + Job.metadata: map<string>
                ~ Job.id: integer -> integer(int64)
              enum values: 1 added, 1 removed
                + JobState: "queued"
                - JobState: "unknown"
            """.ReplaceLineEndings(Environment.NewLine)));
    }

    [Test]
    public void Update_WhenAnOperationInScopeIsGoneUpstream_ReportsIt_AndLeavesThePreviousFile()
    {
        Update("upstream.v1.yaml");
        var previous = File.ReadAllBytes(Out);

        var run = Update("upstream.v2.yaml");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "SpecTool: error : upstream.v2.yaml: operation 'cancelJob' is listed in scope but does not exist upstream (renamed or removed?)." }));
        Assert.That(run.Output, Does.Contain("not written"));
        Assert.That(File.ReadAllBytes(Out), Is.EqualTo(previous));
    }

    [Test]
    public void Update_WithCorrectionsThatNoLongerMatch_ListsEveryOne_AndStillWritesTheNewSpec()
    {
        var overlay = Path.Combine(_directory, "corrections.overlay.yaml");
        File.WriteAllText(overlay, """
            overlay: 1.0.0
            info: { title: t, version: 1.0.0 }
            actions:
              - target: $.components.schemas.GetSampleResponse.allOf[1].properties.sample
                description: Names the inline sample (stale once upstream renames the response).
                x-hoist: SampleDetail
              - target: $.components.schemas.Job.properties.id
                description: Still matches.
                update: { x-corrected: true }
              - target: $.components.schemas.Job.properties.removedField
                description: Was never there.
                remove: true
            """);
        var operations = Path.Combine(_directory, "operations.txt");
        File.WriteAllText(operations, "getJobStatus\ngetSample\n");

        var run = Update("upstream.v2.yaml", operations: operations, overlay: overlay);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.StartWith("SpecTool: error : corrections.overlay.yaml(4): action 1: target '$.components.schemas.GetSampleResponse.allOf[1].properties.sample' matches nothing"));
        Assert.That(run.ErrorLines[1], Does.StartWith("SpecTool: error : corrections.overlay.yaml(10): action 3: target '$.components.schemas.Job.properties.removedField' matches nothing"));
        Assert.That(YamlJson.Load(Out).SelectToken("components.schemas.GetSampleDspResponse"), Is.Not.Null, "the new spec is written so the corrections can be fixed against it");
        Assert.That(YamlJson.Load(Out).SelectToken("components.schemas.Job.properties.id.x-corrected"), Is.Null, "corrections are checked in memory, never written into the vendored spec");
    }

    [Test]
    public void Update_WithoutUpstream_PrintsTheUsage()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = UpdateCommand.Run(["--out", Out], output, error);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.StartWith("SpecTool: error : missing --upstream. usage: update --upstream"));
    }

    [Test]
    public void Update_OfAMissingUpstreamFile_IsAnErrorLine()
    {
        var run = Update(Path.Combine(_directory, "nothing-here.yml"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1).And.Some.StartsWith("SpecTool: error : ").And.Some.Contains("nothing-here.yml"));
        Assert.That(File.Exists(Out), Is.False);
    }

    [Test]
    public void ApplyCollectingErrors_AppliesWhatMatches_AndReturnsEveryProblem()
    {
        var document = JObject.Parse("""{ "components": { "schemas": { "A": { "type": "integer" } } } }""");
        var overlay = JObject.Parse("""
            { "overlay": "1.0.0", "actions": [
              { "target": "$.components.schemas.Gone", "description": "stale one", "update": { "format": "int64" } },
              { "target": "$.components.schemas.A", "description": "applies", "update": { "format": "int64" } },
              { "target": "$.components.schemas.AlsoGone", "description": "stale two", "remove": true }
            ] }
            """);

        var errors = Overlay.ApplyCollectingErrors(document, overlay, "corrections");

        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.That(errors[0], Does.Contain("action 1").And.Contain("stale one"));
        Assert.That(errors[1], Does.Contain("action 3").And.Contain("stale two"));
        Assert.That((string?)document.SelectToken("components.schemas.A.format"), Is.EqualTo("int64"));
    }

    private Run Update(string upstream, string? operations = null, string? overlay = null, string? output = null)
    {
        var upstreamPath = Path.IsPathRooted(upstream) ? upstream : TestPaths.Fixture($"SpecTool/{upstream}");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = UpdateCommand.Run(
            [
                "--upstream", upstreamPath,
                "--operations", operations ?? TestPaths.Fixture("SpecTool/operations.txt"),
                "--overlay", overlay ?? TestPaths.Fixture("SpecTool/corrections.overlay.yaml"),
                "--out", output ?? Out,
            ],
            stdout,
            stderr);
        return new Run(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string Body(string yaml) => string.Join("\n", yaml.Split('\n').SkipWhile(line => line.StartsWith('#')));

    private static void Reverse(JObject obj)
    {
        var properties = obj.Properties().Reverse().ToList();
        obj.RemoveAll();
        foreach (var property in properties)
        {
            obj.Add(property);
        }
    }

    private sealed record Run(int ExitCode, string Output, string Error)
    {
        public IReadOnlyList<string> ErrorLines => Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }
}
