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
/// One scope, checked everywhere: openapi.operations.txt (what the update keeps), the vendored openapi.yaml and the
/// reference INDEX.md (vendored in Fixtures/Repository) list the same operations, with the paths and methods the reference gives.
/// </summary>
[TestFixture]
public sealed partial class SpecScopeTests
{
    private static readonly string Index = TestPaths.Fixture("Repository/edge-impulse-api-INDEX.md");

    [Test]
    public void VendoredSpec_HasExactlyTheOperationsOfTheReferenceIndex()
    {
        var expected = IndexRows().Select(row => $"{row.Method} {row.Path} {row.OperationId}").ToArray();
        var actual = SpecSchemas.Document["paths"]!.Children<Newtonsoft.Json.Linq.JProperty>()
            .SelectMany(path => path.Value.Children<Newtonsoft.Json.Linq.JProperty>()
                .Select(method => $"{method.Name.ToUpperInvariant()} {path.Name} {method.Value["operationId"]}"))
            .ToArray();

        Assert.That(expected, Has.Length.EqualTo(31));
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void OperationsFile_ListsExactlyTheOperationsOfTheReferenceIndex()
    {
        var errors = new List<string>();

        var listed = OperationList.Load(Path.Combine(TestPaths.RepoRoot, "openapi.operations.txt"), errors);

        Assert.That(errors, Is.Empty);
        Assert.That(listed, Is.EquivalentTo(IndexRows().Select(row => row.OperationId)));
    }

    [Test]
    public void OperationsFile_ListsExactlyTheOperationsOfTheVendoredSpec()
    {
        var listed = OperationList.Load(Path.Combine(TestPaths.RepoRoot, "openapi.operations.txt"), new List<string>());

        var vendored = SpecTrimmer.Operations(YamlJson.Load(TestPaths.Spec)).Select(o => (string?)o.Operation["operationId"]);

        Assert.That(vendored, Is.EquivalentTo(listed));
    }

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
