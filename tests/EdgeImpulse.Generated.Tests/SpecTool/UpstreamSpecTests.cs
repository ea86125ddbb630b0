using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// The update on real specs: the February 2026 upstream (544 operations) and the docs fragments, both vendored as test
/// data in Fixtures/SpecTool/upstream, and the repository's own openapi.yaml; and one build of the library from a changed
/// upstream.
/// </summary>
[TestFixture]
public sealed partial class UpstreamSpecTests
{
    private static readonly string Upstream = TestPaths.Fixture("SpecTool/upstream/edge-impulse-openapi.2026-02.yml");
    private static readonly string Fragments = Path.GetDirectoryName(TestPaths.Fixture("SpecTool/upstream/fragments/cancelJob.yaml"))!;
    private static readonly string OperationsFile = Path.Combine(TestPaths.RepoRoot, "openapi.operations.txt");

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "spectool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void RealUpstream_TrimsToExactlyTheOperationsInScope_AndOnlyTheComponentsTheyReach()
    {
        var upstream = (JObject)YamlJson.Load(Upstream);
        SpecNormalizer.Normalize(upstream); // as update does: the trim refuses the undeclared security schemes upstream names
        var scope = ScopeIds();

        var result = SpecTrimmer.Trim(upstream, scope, "edge-impulse-openapi.2026-02.yml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.UpstreamOperationCount, Is.EqualTo(544));
        Assert.That(SpecTrimmer.Operations(result.Spec).Select(o => (string?)o.Operation["operationId"]), Is.EquivalentTo(scope));
        Assert.That(Components(result.Spec), Is.EquivalentTo(ReachableByText(upstream, result.Spec)));
    }

    [Test]
    public void RealUpstream_UpdateWithTheDocsFragments_ReproducesTheVendoredSpec_WithNoStaleCorrection()
    {
        var output = Path.Combine(_directory, "openapi.yaml");
        File.Copy(TestPaths.Spec, output);

        var result = SpecUpdate.Run(new UpdateOptions(Upstream, OperationsFile, output, TestPaths.Corrections, Fragments: Fragments));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Errors, Is.Empty, "every correction still finds its target");
            Assert.That(result.Written, Is.False, "openapi.yaml is exactly what the one update command makes");
            Assert.That(File.ReadAllText(output), Is.EqualTo(File.ReadAllText(TestPaths.Spec)));
            Assert.That(result.Summary!.Lines(), Is.Empty);
            Assert.That(result.Merged, Has.Some.StartsWith("17 fragment(s) merged"));
            Assert.That(result.Normalized.GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Count()), Is.EquivalentTo(new Dictionary<string, int>
            {
                [SpecNormalizer.UndeclaredSecurity] = 4,
                [SpecNormalizer.DuplicateAllOfProperties] = 3,
                [SpecNormalizer.RedirectOnlyResponses] = 3,
            }), "update runs the structural rules only: the vendored spec keeps the wire's names");
        }
    }

    [Test]
    public void VendoredSpec_TrimmedToTheOperationsFile_IsItself()
    {
        var vendored = (JObject)YamlJson.Load(TestPaths.Spec);

        var result = SpecTrimmer.Trim(vendored, ScopeIds(), "openapi.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(JToken.DeepEquals(result.Spec, vendored), Is.True, "openapi.yaml holds exactly the scope's operations and the components they reference");
    }

    [Test]
    public void ChangedUpstream_Update_RegeneratesTheClientWithTheChange_AndTheLibraryCompiles()
    {
        // A newer upstream, made from the vendored spec: a field added, an enum value added, an operation out of scope.
        var upstream = (JObject)YamlJson.Load(TestPaths.Spec);
        ((JObject)upstream.SelectToken("components.schemas.Job.properties")!)["spectoolProbeQueuePosition"] =
            new JObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "Added upstream (test)." };
        ((JArray)upstream.SelectToken("components.schemas.AnomalyCapacity.enum")!).Add("extra-high");
        ((JObject)upstream["paths"]!)["/api/{projectId}/spectool-probe"] = JObject.Parse("""
            { "get": { "operationId": "spectoolProbeOutOfScope", "tags": ["Jobs"], "responses": { "200": { "description": "OK" } } } }
            """);
        var upstreamFile = Path.Combine(_directory, "upstream-openapi.yml");
        File.WriteAllText(upstreamFile, YamlWriter.Write(upstream, "test upstream"));
        var spec = Path.Combine(_directory, "openapi.yaml");
        File.Copy(TestPaths.Spec, spec);

        var result = SpecUpdate.Run(new UpdateOptions(upstreamFile, OperationsFile, spec, TestPaths.Corrections));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Summary!.MembersAdded, Is.EqualTo(new[] { "Job.spectoolProbeQueuePosition: integer(int64)" }));
        Assert.That(result.Summary.EnumValuesAdded, Is.EqualTo(new[] { "AnomalyCapacity: \"extra-high\"" }));
        Assert.That(result.Summary.OperationsAdded, Is.Empty, "the new operation is not in openapi.operations.txt");

        // Its own artifacts folder (bin, obj, restore output), so the repository's normal build is never touched.
        // The new public members are API listing findings (RS0016), which stay warnings here; anything else fails.
        var artifacts = Path.Combine(_directory, "artifacts");
        var (exitCode, log) = Dotnet(
            "build", Path.Combine(TestPaths.RepoRoot, "src", "EdgeImpulse.Generated", "EdgeImpulse.Generated.csproj"),
            $"-p:EdgeImpulseSpec={spec}", "-p:EdgeImpulseApiCheck=true", "-p:WarningsNotAsErrors=RS0016", "--artifacts-path", artifacts, "--disable-build-servers", "-nologo");

        Assert.That(exitCode, Is.Zero, log);
        var client = Directory.GetFiles(artifacts, "EdgeImpulseClient.g.cs", SearchOption.AllDirectories);
        Assert.That(client, Has.Length.EqualTo(1));
        var code = File.ReadAllText(client[0]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Contain("public long? SpectoolProbeQueuePosition { get; set; }"));
            Assert.That(code, Does.Contain("public static AnomalyCapacity ExtraHigh { get; } = new AnomalyCapacity(@\"extra-high\");"));
            Assert.That(code, Does.Not.Contain("SpectoolProbeOutOfScope"));
            Assert.That(code, Does.Contain("class LearnClient").And.Contain("class DspConfigResponse"), "generated with the naming rules");
            var findings = ApiListingCommand.Parse(log);
            Assert.That(findings.Added, Has.Some.StartsWith("EdgeImpulse.Generated.Job.SpectoolProbeQueuePosition.get"));
            Assert.That(findings.Added, Has.Some.Contains("AnomalyCapacity.ExtraHigh.get"));
            Assert.That(findings.Removed, Is.Empty);
        });
    }

    private static List<string> ScopeIds()
    {
        var errors = new List<string>();
        var ids = OperationList.Load(OperationsFile, errors);
        Assert.That(errors, Is.Empty);
        return [.. ids];
    }

    private static IEnumerable<string> Components(JObject spec) =>
        ((JObject?)spec["components"])?.Properties().SelectMany(s => ((JObject)s.Value).Properties().Select(c => $"{s.Name}/{c.Name}")) ?? [];

    /// <summary>An independent, textual closure: every '#/components/x/y' string reachable from the kept paths.</summary>
    private static HashSet<string> ReachableByText(JObject upstream, JObject trimmed)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        void Scan(string json)
        {
            foreach (Match match in ComponentReference().Matches(json))
            {
                if (reachable.Add($"{match.Groups[1].Value}/{match.Groups[2].Value}"))
                {
                    pending.Enqueue($"{match.Groups[1].Value}/{match.Groups[2].Value}");
                }
            }
        }

        Scan(trimmed["paths"]!.ToString());
        foreach (var scheme in upstream["security"]!.Children<JObject>().SelectMany(r => r.Properties()))
        {
            reachable.Add($"securitySchemes/{scheme.Name}");
        }

        while (pending.TryDequeue(out var next))
        {
            var parts = next.Split('/');
            Scan(upstream["components"]![parts[0]]![parts[1]]!.ToString());
        }

        return reachable;
    }

    [GeneratedRegex(@"""#/components/([^/""]+)/([^/""]+)""")]
    private static partial Regex ComponentReference();

    private static (int ExitCode, string Log) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = TestPaths.RepoRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test runner may have been started by MSBuild; its settings must not leak into this separate build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var (exitCode, output, timedOut) = ChildProcess.Run(start, TimeSpan.FromMinutes(15));
        Assert.That(timedOut, Is.False, "dotnet " + string.Join(" ", arguments) + " did not finish within 15 minutes and was killed:\n" + output);
        return (exitCode, output);
    }
}
