using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Spec;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>
/// One scope, checked everywhere: openapi.operations.txt (what the update keeps) and the vendored openapi.yaml hold every
/// operation of the February 2026 upstream (vendored in Fixtures/SpecTool/upstream), with its path and method; the
/// reference INDEX.md (the docs' operations, vendored in Fixtures/Repository) is inside that scope, except the one
/// operation upstream removed.
/// </summary>
[TestFixture]
public sealed partial class SpecScopeTests
{
    private const string RemovedUpstream = "downloadDspArtifact";

    private static readonly string Index = TestPaths.Fixture("Repository/edge-impulse-api-INDEX.md");
    private static readonly string Upstream = TestPaths.Fixture("SpecTool/upstream/edge-impulse-openapi.2026-02.yml");

    [Test]
    public void VendoredSpec_HasExactlyTheOperationsOfThe2026Upstream()
    {
        var expected = Operations(YamlJson.Load(Upstream));

        var actual = Operations(SpecSchemas.Document);

        Assert.That(expected, Has.Count.EqualTo(544));
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void ReferenceIndex_IsInTheVendoredSpec_ExceptTheOperationUpstreamRemoved()
    {
        var rows = IndexRows().ToList();
        var vendored = Operations(SpecSchemas.Document);

        Assert.That(rows, Has.Count.EqualTo(31));
        Assert.That(rows.Where(r => r.OperationId != RemovedUpstream).Select(r => $"{r.Method} {r.Path} {r.OperationId}"), Is.SubsetOf(vendored));
        Assert.That(rows.Select(r => r.OperationId), Does.Contain(RemovedUpstream), "the docs still list it");
        Assert.That(vendored, Has.None.EndsWith(" " + RemovedUpstream), "upstream removed it, and so did the client");
    }

    [Test]
    public void OperationsFile_ListsExactlyTheOperationsOfThe2026Upstream()
    {
        var errors = new List<string>();

        var listed = OperationList.Load(Path.Combine(TestPaths.RepoRoot, "openapi.operations.txt"), errors);

        Assert.That(errors, Is.Empty);
        Assert.That(listed, Is.EquivalentTo(Operations(YamlJson.Load(Upstream)).Select(o => o.Split(' ')[2])));
    }

    [Test]
    public void OperationsFile_ListsExactlyTheOperationsOfTheVendoredSpec()
    {
        var listed = OperationList.Load(Path.Combine(TestPaths.RepoRoot, "openapi.operations.txt"), new List<string>());

        var vendored = SpecTrimmer.Operations(YamlJson.Load(TestPaths.Spec)).Select(o => (string?)o.Operation["operationId"]);

        Assert.That(vendored, Is.EquivalentTo(listed));
    }

    // "METHOD path operationId" for every operation of a spec.
    private static List<string> Operations(Newtonsoft.Json.Linq.JToken spec) =>
        SpecTrimmer.Operations(spec).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path} {o.Operation["operationId"]}").ToList();

    private static IEnumerable<(string OperationId, string Method, string Path)> IndexRows()
    {
        return File.ReadLines(Index)
            .Select(line => IndexRow().Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))
            .ToList();
    }

    [GeneratedRegex(@"^\| (\w+) \| (GET|POST) \| `([^`]+)`")]
    private static partial Regex IndexRow();
}
