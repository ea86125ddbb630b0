using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>Every section of .editorconfig must apply to some file, so a mistyped glob cannot silently do nothing.</summary>
[TestFixture]
public sealed partial class EditorConfigTests
{
    public static IEnumerable<TestCaseData> Sections() =>
        File.ReadLines(Path.Combine(TestPaths.RepoRoot, ".editorconfig"))
            .Select(line => SectionPattern().Match(line))
            .Where(m => m.Success)
            .Select(m => new TestCaseData(m.Groups[1].Value).SetName($"Section_MatchesAFile({m.Groups[1].Value})"));

    [Test]
    public void EditorConfig_IsTheRoot()
    {
        Assert.That(File.ReadLines(Path.Combine(TestPaths.RepoRoot, ".editorconfig")), Has.Some.EqualTo("root = true"));
    }

    [TestCaseSource(nameof(Sections))]
    public void Section_MatchesAtLeastOneFile(string glob)
    {
        var matcher = new Regex("^" + GlobToRegex(glob) + "$");
        var files = Directory.EnumerateFiles(TestPaths.RepoRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}"))
            .Select(Path.GetFileName);

        Assert.That(files.Any(name => matcher.IsMatch(name!)), Is.True, $"no file matches [{glob}]");
    }

    // Section globs here are file-name patterns: *, and {a,b} alternatives.
    private static string GlobToRegex(string glob) =>
        Regex.Replace(Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\{", "{"), "{([^}]*)}", m => "(" + m.Groups[1].Value.Replace(",", "|") + ")");

    [GeneratedRegex(@"^\[(.+)\]$")]
    private static partial Regex SectionPattern();
}
