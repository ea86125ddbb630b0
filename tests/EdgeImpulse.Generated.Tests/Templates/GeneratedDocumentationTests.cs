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
                Assert.That(operation.Element("remarks")?.Elements("para").Last().Value, Does.Match(@"^Operation \w+: [A-Z]+ [^/\s]\S*, relative to the client's base URL\."), name);
            }
        }
    }

    // The wording the shared template wrote into every client before it named no service (issue 12).
    [TestCase("Studio operation")]
    [TestCase("Calls the Studio")]
    [TestCase("Deprecated by Edge Impulse")]
    [TestCase("The Studio answered")]
    [TestCase("the Studio has accepted")]
    public void NoServiceNamedByTheTemplate_Ships(string wording)
    {
        var hits = Members.Where(m => m.ToString().Contains(wording, StringComparison.OrdinalIgnoreCase)).Select(m => (string)m.Attribute("name")!);

        Assert.That(hits, Is.Empty);
    }

    [Test]
    public void SecondClient_Docs_NameNeitherTheStudioNorEdgeImpulse()
    {
        var docs = XDocument.Load(Path.ChangeExtension(typeof(NeuralNetworks.Client.NeuralNetworksClient).Assembly.Location, ".xml"));
        var members = docs.Descendants("member").ToList();
        var generated = new[] { "ListNetworksAsync(", "GetNetworkAsync(", "UpdateNetworkAsync(", "DeleteNetworkAsync(" }
            .Select(method => members.Single(m => ((string)m.Attribute("name")!).StartsWith("M:NeuralNetworks.Client.INetworksClient." + method, StringComparison.Ordinal)))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(members, Has.Count.GreaterThan(100));
            foreach (var wording in new[] { "Studio", "Edge Impulse", "EdgeImpulse" })
            {
                Assert.That(members.Where(m => m.ToString().Contains(wording, StringComparison.OrdinalIgnoreCase)).Select(m => (string)m.Attribute("name")!), Is.Empty, wording);
            }

            // Its generated operations carry the template's service-neutral docs (delete included: it is generated, not hand-written).
            foreach (var operation in generated)
            {
                var name = (string)operation.Attribute("name")!;
                Assert.That(operation.Element("remarks")?.Elements("para").Last().Value, Does.Match(@"^Operation \w+: (GET|PATCH|DELETE) networks/\S*, relative to the client's base URL\."), name);
                Assert.That(operation.Element("returns")?.Value, Does.StartWith(name.Contains("Delete", StringComparison.Ordinal) ? "A task that completes when the service has accepted" : "The service's answer"), name);
                Assert.That(operation.Elements("exception").Single(e => (string)e.Attribute("cref")! == "T:NeuralNetworks.Client.NeuralNetworksApiException").Value, Does.Contain("non-success status").And.Contain("timed out"), name);
            }
        }
    }
}
