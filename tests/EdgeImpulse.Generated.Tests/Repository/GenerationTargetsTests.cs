using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>
/// The generation step exists once (build/OpenApiClientGeneration.targets) and each client project imports it with its
/// own values; CI's no-op rebuild check must name that step's target, or it would pass without checking anything.
/// </summary>
[TestFixture]
public sealed class GenerationTargetsTests
{
    private static readonly string TargetsPath = Path.Combine(TestPaths.RepoRoot, "build", "OpenApiClientGeneration.targets");

    [Test]
    public void CiNoOpRebuildCheck_NamesTheIncrementalGenerationTarget()
    {
        var script = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".ci", "run"));
        var targets = XDocument.Load(TargetsPath).Root!.Elements("Target").ToDictionary(t => (string)t.Attribute("Name")!);

        var skipped = Regex.Match(script, "Skipping target \"(?<name>[^\"]+)\" because all output files are up-to-date");
        Assert.That(skipped.Success, Is.True, ".ci/run no longer checks that a no-op rebuild skips generation");
        Assert.That(targets, Does.ContainKey(skipped.Groups["name"].Value));
        var target = targets[skipped.Groups["name"].Value];
        Assert.That((string?)target.Attribute("Inputs"), Is.Not.Empty);
        Assert.That((string?)target.Attribute("Outputs"), Is.Not.Empty);
        Assert.That(target.Elements("Exec").Select(e => (string)e.Attribute("Command")!), Has.Some.Contains("correct").And.Some.Contains("NSwagExe"));
    }

    [Test]
    public void LibraryProject_ImportsTheSharedTargets_WithItsOwnValues()
    {
        var project = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "src", "EdgeImpulse.Generated", "EdgeImpulse.Generated.csproj")).Root!;
        string Property(string name) => project.Descendants(name).Single().Value;

        Assert.That(project.Elements("Import").Select(i => (string)i.Attribute("Project")!), Has.Some.EndsWith("build/OpenApiClientGeneration.targets"));
        Assert.That(project.Elements("Target").Select(t => (string)t.Attribute("Name")!), Has.None.Contains("Generate"), "the generation step belongs in the shared targets, not inline");
        Assert.That(Property("OpenApiSpec"), Is.EqualTo("$(EdgeImpulseSpec)"));
        Assert.That(Property("OpenApiNormalizerOptions"), Is.EqualTo("$(EdgeImpulseNormalizerOptions)"));
        Assert.That(Property("OpenApiNamespace"), Is.EqualTo("EdgeImpulse.Generated"));
    }

    [Test]
    public void SharedRuntime_ListsEveryTransportAndSerializationFile_AndNothingOnlyEdgeImpulseHas()
    {
        var custom = Path.Combine(TestPaths.RepoRoot, "src", "EdgeImpulse.Generated", "Custom");
        var listed = XDocument.Load(TargetsPath).Root!.Descendants("OpenApiRuntimeSource")
            .SelectMany(item => ((string)item.Attribute("Include")!).Split(';'))
            .ToHashSet();
        var transport = new[] { "Transport", "Serialization" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(custom, folder), "*.cs").Select(file => $"{folder}/{Path.GetFileName(file)}"));

        Assert.That(listed, Is.SupersetOf(transport), "a new transport file must be listed, or the second client's transport lacks it");
        Assert.That(listed.Where(path => path.StartsWith("Jobs/", System.StringComparison.Ordinal) || path.StartsWith("Npy/", System.StringComparison.Ordinal) || path.StartsWith("Raw/", System.StringComparison.Ordinal)), Is.Empty);
        Assert.That(listed.Select(path => Path.Combine(custom, path)), Has.All.Matches<string>(File.Exists));
    }

    [Test]
    public void NSwagConfig_TakesNamespaceAndTemplatesFromTheTargets()
    {
        var config = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "nswag.json"));
        var exec = XDocument.Load(TargetsPath).Root!.Descendants("Exec").Select(e => (string)e.Attribute("Command")!).Single(c => c.Contains("NSwagExe"));

        Assert.That(config, Does.Contain("\"namespace\": \"$(Namespace)\"").And.Contain("\"templateDirectory\": \"$(TemplateDirectory)\""));
        Assert.That(exec, Does.Contain("Namespace=").And.Contain("TemplateDirectory=").And.Contain("CorrectedSpec=").And.Contain("Output="));
    }
}
