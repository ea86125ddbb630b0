using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Templates;

/// <summary>
/// The package's XML docs (CS1591 is an error for generated code too, File.Header.liquid): every documented member
/// says something, and the method docs (Client.Method.Documentation.liquid) say what a call returns and throws.
/// </summary>
[TestFixture]
public sealed class GeneratedDocumentationTests
{
    private static readonly Lazy<XDocument> Docs = new(() =>
        XDocument.Load(Path.ChangeExtension(typeof(Job).Assembly.Location, ".xml")));

    private static IEnumerable<XElement> Members => Docs.Value.Descendants("member");

    [Test]
    public void EveryExportedType_HasASummary()
    {
        var documented = Members.Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value)).Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var types = typeof(Job).Assembly.GetExportedTypes().Select(t => "T:" + t.FullName!.Replace('+', '.'));

        Assert.That(types.Where(t => !documented.Contains(t)), Is.Empty);
    }

    [Test]
    public void NoMember_HasAnEmptySummary()
    {
        var empty = Members.Where(m => m.Element("summary") is { } summary && string.IsNullOrWhiteSpace(summary.Value)).Select(m => (string)m.Attribute("name")!);

        Assert.That(empty, Is.Empty);
    }

    [TestCase("<returns>OK</returns>")]
    [TestCase("A server side error occurred")]
    [TestCase("internal API")]
    public void NoStockOrInternalWording_Ships(string wording)
    {
        var hits = Members.Where(m => m.ToString().Contains(wording, StringComparison.OrdinalIgnoreCase)).Select(m => (string)m.Attribute("name")!);

        Assert.That(hits, Is.Empty);
    }

    [Test]
    public void EveryGeneratedOperation_SaysWhatItReturnsAndWhenItThrows()
    {
        // The generated methods: one per operationId in scope, named like it (hand-written helpers have their own docs).
        var generated = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "openapi.operations.txt"))
            .Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0)
            .Select(id => char.ToUpperInvariant(id[0]) + id[1..] + "Async(").ToList();
        var operations = Members.Where(m => ((string)m.Attribute("name")!).StartsWith("M:EdgeImpulse.Generated.I", StringComparison.Ordinal)
                                            && generated.Any(g => ((string)m.Attribute("name")!).Contains("Client." + g, StringComparison.Ordinal))).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(operations, Has.Count.GreaterThanOrEqualTo(generated.Count), "at least one per operation on the four interfaces");
            foreach (var operation in operations)
            {
                var name = (string)operation.Attribute("name")!;
                Assert.That(operation.Element("returns")?.Value, Is.Not.Null.And.Length.GreaterThan(20).And.Not.EqualTo("OK"), name);
                Assert.That(operation.Elements("exception").Select(e => (string)e.Attribute("cref")!), Does.Contain("T:EdgeImpulse.Generated.EdgeImpulseApiException"), name);
                Assert.That(operation.Elements("exception").Single(e => (string)e.Attribute("cref")! == "T:EdgeImpulse.Generated.EdgeImpulseApiException").Value, Does.Contain("success: false").And.Contain("timed out"), name);
            }
        }
    }
}
