using System;
using System.IO;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// The build's <c>correct</c> command: every problem with the spec or the corrections is one
/// <c>SpecTool: error : file(line): ...</c> line and exit code 1 (never an unhandled exception, which aborts with 134),
/// and nothing is written for NSwag to choke on.
/// </summary>
[TestFixture]
public sealed class ProgramTests
{
    private const string Spec = """
        openapi: 3.0.0
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/C' }
        components:
          schemas:
            A: { type: object, properties: { id: { type: integer } } }
            B: { type: object, properties: { name: { type: string } } }
            C: { allOf: [ { $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' } ] }
        """;

    private const string OverlayHeader = """
        overlay: 1.0.0
        info: { title: corrections, version: 1.0.0 }
        actions:
          - target: $.info
            description: a correction that applies
            update: { x-checked: true }

        """;

    private string _directory = null!;

    private string Out => Path.Combine(_directory, "corrected.json");

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "spectool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    // Each action starts on line 7 of the overlay (after the header's one good action); the error names that line.
    [TestCase("$.paths[?(@.x == ]", "Unexpected character while parsing path query", TestName = "InvalidJsonPath_Syntax_IsAnErrorNamingFileLineActionAndPath")]
    [TestCase("$.a[", "Path ended with open indexer", TestName = "InvalidJsonPath_Unclosed_IsAnErrorNamingFileLineActionAndPath")]
    [TestCase("$..[?(@.operationId =~ /a{2,1}/)]", "Invalid pattern 'a{2,1}'", TestName = "InvalidJsonPath_BadRegexFilter_IsAnError_NotACrash")]
    public void InvalidJsonPath_IsOneErrorLine_NamingTheOverlayLine_TheAction_AndThePath(string path, string reason)
    {
        var run = Correct(Spec, OverlayHeader + $"  - target: \"{path}\"\n    description: the one with the bad path\n    update: {{ format: int64 }}\n");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith($"SpecTool: error : overlay.yaml(7): action 2 has an invalid JSONPath '{path}': ").And.Contain(reason));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        Assert.That(File.Exists(Out), Is.False);
    }

    [TestCase("  - just a string\n", "action 2 is a String, not a mapping", TestName = "ActionThatIsNotAMapping_IsAnErrorNamingItsLine")]
    [TestCase("  - target: $.info\n    description: d\n    remove: 'yes'\n", "'remove' must be true or false, not String 'yes'", TestName = "RemoveThatIsNotABoolean_IsAnErrorNamingItsLine")]
    [TestCase("  - target: $.info\n    description: d\n    x-hoist: { name: X }\n", "'x-hoist' must be a string, not Object", TestName = "HoistThatIsNotAName_IsAnErrorNamingItsLine")]
    [TestCase("  - target: [ $.info ]\n    description: d\n    remove: true\n", "'target' must be a string, not Array", TestName = "TargetThatIsNotAString_IsAnErrorNamingItsLine")]
    public void MalformedAction_IsOneErrorLine_NamingTheOverlayLine(string action, string expected)
    {
        var run = Correct(Spec, OverlayHeader + action);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("SpecTool: error : overlay.yaml(7): action 2").And.Contain(expected));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
    }

    [Test]
    public void YamlErrorInTheOverlay_NamesTheFileLineAndColumn()
    {
        var run = Correct(Spec, OverlayHeader + "  - target: $.info\n    description: bad: [yaml\n    remove: true\n");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Match(@"^SpecTool: error : .*overlay\.yaml\(8,[0-9]+\): invalid YAML: "));
    }

    [Test]
    public void YamlErrorInTheSpec_NamesTheFileLineAndColumn()
    {
        var run = Correct(Spec + "\n    D: { type: object\n", OverlayHeader);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Match(@"^SpecTool: error : .*openapi\.yaml\(1[89],[0-9]+\): invalid YAML: "));
    }

    [Test]
    public void SchemaNSwagCannotGenerate_IsAnErrorNamingTheSchema_AndNothingIsWritten()
    {
        // Both referenced components define the property: the normaliser cannot pick one, NSwag would stop unnamed.
        var run = Correct(Spec.Replace("properties: { name:", "properties: { id: { type: integer }, name:", StringComparison.Ordinal), OverlayHeader);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("SpecTool: error : openapi.yaml(17): schema 'C': allOf defines a property more than once ('id' in A and B)"));
        Assert.That(File.Exists(Out), Is.False);
    }

    [Test]
    public void ControlCharacterBroughtInByACorrection_IsAnErrorNamingTheCorrectionsLine()
    {
        var run = Correct(Spec, OverlayHeader + "  - target: $.components.schemas.A\n    description: adds a description\n    update: { description: \"bell \\a here\" }\n");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("SpecTool: error : overlay.yaml(9): components.schemas.A.description contains control character(s) U+0007"));
    }

    [TestCase("actions: []\n", TestName = "OverlayWithAnEmptyActionList_IsValid_AndChangesNothing")]
    [TestCase("actions:\n", TestName = "OverlayWithAnEmptyActionsKey_IsValid_AndChangesNothing")]
    [TestCase("", TestName = "OverlayWithoutActions_IsValid_AndChangesNothing")]
    public void OverlayWithNoActions_IsValid_AndChangesNothing(string actions)
    {
        var run = Correct(Spec, "overlay: 1.0.0\ninfo: { title: corrections, version: 1.0.0 }\n" + actions);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("SpecTool: applied 0 corrections from overlay.yaml"));
        Assert.That(Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Out)).SelectToken("paths./a.get.operationId")?.ToString(), Is.EqualTo("getA"));
    }

    [Test]
    public void OverlayWhoseActionsAreNotAList_IsAnErrorNamingItsLine()
    {
        var run = Correct(Spec, "overlay: 1.0.0\ninfo: { title: corrections, version: 1.0.0 }\nactions: { target: $.info }\n");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("SpecTool: error : overlay.yaml(3): 'actions' must be a list (empty when there is nothing to correct), not Object."));
    }

    [Test]
    public void NoOverlayOption_GeneratesTheSpecAsItIs()
    {
        var specPath = Path.Combine(_directory, "openapi.yaml");
        File.WriteAllText(specPath, Spec);
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = Program.Run(["correct", "--spec", specPath, "--out", Out], output, error);

        Assert.That(exitCode, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Does.Contain("SpecTool: no corrections (no --overlay)"));
        Assert.That(File.Exists(Out), Is.True);
    }

    [Test]
    public void RepositorySpec_IsCorrectedWithoutNormalisationChanges_OrProblems()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = Program.Run(["correct", "--spec", TestPaths.Spec, "--overlay", TestPaths.Corrections, "--out", Out], output, error);

        Assert.That(exitCode, Is.Zero, error.ToString());
        // Only the union rules (always on in correct; UnionRulesTests checks what they do) have work in the vendored spec.
        string[] unionRules = [DiscriminatedUnions.Rule, PrimitiveUnions.Rule, MergedUnions.Rule];
        var lines = output.ToString().Trim().Split('\n').Where(l => !unionRules.Any(rule => l.StartsWith($"SpecTool: normalized {rule}: ", StringComparison.Ordinal)));
        Assert.That(lines.Single(), Does.StartWith("SpecTool: applied "), "quiet: no other normalisation line for today's spec");
    }

    private (int ExitCode, string Output, string Error) Correct(string spec, string overlay)
    {
        var specPath = Path.Combine(_directory, "openapi.yaml");
        var overlayPath = Path.Combine(_directory, "overlay.yaml");
        File.WriteAllText(specPath, spec);
        File.WriteAllText(overlayPath, overlay);
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Program.Run(["correct", "--spec", specPath, "--overlay", overlayPath, "--out", Out], output, error);
        return (exitCode, output.ToString(), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
