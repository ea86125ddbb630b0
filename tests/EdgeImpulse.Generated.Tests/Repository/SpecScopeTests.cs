using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Spec;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>The vendored spec holds exactly the operations in scope, with the paths and methods the reference lists.</summary>
[TestFixture]
public sealed partial class SpecScopeTests
{
    private static readonly string Index = Path.Combine(TestPaths.RepoRoot, "..", "shared", "reference", "edge-impulse-api", "INDEX.md");

    [Test]
    public void VendoredSpec_HasExactlyTheOperationsOfTheReferenceIndex()
    {
        Assert.That(File.Exists(Index), Is.True, $"The reference material must sit beside the repository: {Index}");
        var expected = File.ReadLines(Index)
            .Select(line => IndexRow().Match(line))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[2].Value} {m.Groups[3].Value} {m.Groups[1].Value}")
            .ToArray();
        var actual = SpecSchemas.Document["paths"]!.Children<Newtonsoft.Json.Linq.JProperty>()
            .SelectMany(path => path.Value.Children<Newtonsoft.Json.Linq.JProperty>()
                .Select(method => $"{method.Name.ToUpperInvariant()} {path.Name} {method.Value["operationId"]}"))
            .ToArray();

        Assert.That(expected, Has.Length.EqualTo(31));
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [GeneratedRegex(@"^\| (\w+) \| (GET|POST) \| `([^`]+)`")]
    private static partial Regex IndexRow();
}
