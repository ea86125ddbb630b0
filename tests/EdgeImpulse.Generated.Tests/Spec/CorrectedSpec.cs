using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Tests.Spec;

/// <summary>
/// The document the client is generated from: the vendored spec run through the SpecTool's own <c>correct</c> command
/// in-process, with the normaliser options the library project builds with (read from its csproj, never repeated here),
/// so a test sees what NSwag saw without depending on a build's obj/ layout.
/// </summary>
internal static class CorrectedSpec
{
    private const string OptionsProperty = "EdgeImpulseNormalizerOptions";

    private static readonly Lazy<JObject> Corrected = new(Correct);

    public static JObject Document => Corrected.Value;

    public static string LibraryProject { get; } = Path.Combine(TestPaths.RepoRoot, "src", "EdgeImpulse.Generated", "EdgeImpulse.Generated.csproj");

    /// <summary>The library project's default <c>correct</c> switches (the property's value when no one overrides it).</summary>
    public static string[] NormalizerOptions()
    {
        var defaults = XDocument.Load(LibraryProject).Descendants()
            .Where(e => e.Name.LocalName == OptionsProperty && ((string?)e.Attribute("Condition"))?.Contains("== ''", StringComparison.Ordinal) == true)
            .ToList();
        return defaults.Count == 1
            ? defaults[0].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : throw new InvalidOperationException($"Expected one default <{OptionsProperty}> in {LibraryProject}, found {defaults.Count}: where does the library set its normaliser options now?");
    }

    private static JObject Correct()
    {
        var output = Path.Combine(Path.GetTempPath(), $"ei-corrected-{Guid.NewGuid():N}.json");
        try
        {
            var errors = new StringWriter();
            string[] args = ["correct", "--spec", TestPaths.Spec, "--overlay", TestPaths.Corrections, "--out", output, .. NormalizerOptions()];
            var exit = EdgeImpulse.Generated.SpecTool.Program.Run(args, TextWriter.Null, errors);
            return exit == 0
                ? JObject.Parse(File.ReadAllText(output))
                : throw new InvalidOperationException($"SpecTool correct failed (exit {exit}):\n{errors}");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
