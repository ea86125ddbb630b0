using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// Hand-written types (src/EdgeImpulse.Generated/Custom) never share a name with a generated one: a clash either does
/// not compile, or makes one of them unreachable by its simple name (a schema named like a helper type).
/// </summary>
[TestFixture]
public sealed class TypeNameClashTests
{
    private static readonly Type[] LibraryTypes = typeof(EdgeImpulseClient).Assembly.GetTypes().Where(t => !t.Name.Contains('<', StringComparison.Ordinal)).ToArray();

    // NSwag marks every type it writes (DTOs, enums, clients, interfaces) with [GeneratedCode("NSwag" | "NJsonSchema")];
    // a hand-written partial of a generated type is the same type, so it counts as generated.
    private static bool IsGenerated(Type type) =>
        type.GetCustomAttribute<GeneratedCodeAttribute>() is { Tool: "NSwag" or "NJsonSchema" };

    [Test]
    public void BuiltAssembly_NoHandWrittenTypeHasTheNameOfAGeneratedOne()
    {
        var generated = LibraryTypes.Where(IsGenerated).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var handWritten = LibraryTypes.Where(t => !IsGenerated(t)).ToList();

        var clashes = handWritten.Where(t => generated.Contains(t.Name)).Select(t => t.FullName).ToList();

        Assert.That(generated, Has.Count.GreaterThan(50), "the generated types are recognised");
        Assert.That(handWritten.Select(t => t.Name), Does.Contain("JobOperation").And.Contain("ApiConnection"), "and so are the hand-written ones");
        Assert.That(clashes, Is.Empty);
    }

    /// <summary>
    /// The same check against what the whole February 2026 upstream would generate with every naming rule on (more than
    /// the vendored spec, whose trim leaves some schemas out, e.g. upstream's <c>JobState</c>): no public hand-written
    /// type may take a schema's name, except the hand-written unions nswag.json excludes from generation on purpose.
    /// </summary>
    [Test]
    public void FullUpstreamSchemas_ClashWithNoHandWrittenType()
    {
        var spec = (JObject)YamlJson.Load(TestPaths.Fixture("SpecTool/upstream/edge-impulse-openapi.2026-02.yml"));
        UnionRules.Apply(spec); // the union rules add base classes (DeployPretrainedModelInput, ...)
        SpecNormalizer.Normalize(spec, new NormalizerOptions(NameInlineSchemas: true, DotNetNaming: true));
        var schemaNames = ((JObject)spec.SelectToken("components.schemas")!).Properties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var replacedOnPurpose = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "nswag.json")))
            .SelectToken("codeGenerators.openApiToCSharpClient.excludedTypeNames")!.Values<string>().ToHashSet(StringComparer.Ordinal);
        var publicHandWritten = LibraryTypes.Where(t => !IsGenerated(t) && t.IsPublic).Select(t => t.Name);

        var clashes = publicHandWritten.Where(n => schemaNames.Contains(n) && !replacedOnPurpose.Contains(n!)).Distinct().Order(StringComparer.Ordinal);

        Assert.That(replacedOnPurpose, Does.Contain("BlockParameters"), "hand-written unions that replace a schema on purpose are excluded from generation");
        Assert.That(schemaNames, Does.Contain("JobState"), "upstream's JobState schema is in the list checked");
        Assert.That(publicHandWritten, Does.Contain("JobProgressState"), "and the hand-written job progress state is too");
        Assert.That(clashes, Is.Empty);
    }
}
