using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// The operations in scope: one operationId per line; <c>#</c> starts a comment; blank lines are ignored.
/// </summary>
internal static partial class OperationList
{
    public static IReadOnlyList<string> Load(string path, ICollection<string> errors) => Parse(File.ReadAllText(path), Path.GetFileName(path), errors);

    /// <summary>The listed operationIds in file order; malformed or repeated lines are added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string> Parse(string text, string sourceName, ICollection<string> errors)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var comment = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (comment >= 0 ? rawLine[..comment] : rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!OperationId().IsMatch(line))
            {
                errors.Add($"{sourceName}:{lineNumber}: '{line}' is not an operationId (one per line, '#' for comments).");
            }
            else if (!seen.Add(line))
            {
                errors.Add($"{sourceName}:{lineNumber}: '{line}' is listed twice.");
            }
            else
            {
                ids.Add(line);
            }
        }

        if (ids.Count == 0)
        {
            errors.Add($"{sourceName}: lists no operations.");
        }

        return ids;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex OperationId();
}
