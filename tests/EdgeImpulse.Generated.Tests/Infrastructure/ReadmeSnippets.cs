using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>
/// The README's C# examples and the tests' copies of them, as trimmed non-empty lines, so a test can check that each
/// example runs as written: the README's block by a pattern with a <c>code</c> group, a test's copy between two markers.
/// </summary>
internal static class ReadmeSnippets
{
    /// <summary>The lines of the README's code block that <paramref name="pattern"/> (with a <c>code</c> group) finds.</summary>
    public static List<string> InReadme(string pattern)
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        return Lines(Regex.Match(readme, pattern, RegexOptions.Singleline).Groups["code"].Value);
    }

    /// <summary>The lines between <paramref name="start"/> and <paramref name="end"/> in a test source under tests/EdgeImpulse.Generated.Tests.</summary>
    public static List<string> InTestSource(string relativePath, string start, string end)
    {
        var source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "EdgeImpulse.Generated.Tests", relativePath));
        var from = source.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return Lines(source[from..source.IndexOf(end, from, StringComparison.Ordinal)]);
    }

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
