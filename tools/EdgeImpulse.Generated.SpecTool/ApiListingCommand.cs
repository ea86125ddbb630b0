using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// `api-listing`: after a spec update, rebuilds the library with the public API analyzer's findings as warnings,
/// brings PublicAPI.Unshipped.txt up to date (RS0016 adds, RS0017 removes) and prints what changed for callers.
/// The analyzer only reports; this is the step that turns its report into the reviewed listing.
/// </summary>
internal static partial class ApiListingCommand
{
    public const string Usage = "api-listing [--project src/EdgeImpulse.Generated/EdgeImpulse.Generated.csproj]";

    private const string NullableHeader = "#nullable enable";
    private const string RemovedPrefix = "*REMOVED*";

    // A clean build of the library takes a minute or two; far longer means it hangs.
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) => Run(args, output, error, RunBuild);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, TextWriter, TextWriter)"/>, with the build supplied (tests).</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, (int ExitCode, string Output)> runBuild)
    {
        var project = Path.GetFullPath(args.Count == 2 && args[0] == "--project"
            ? args[1]
            : Path.Combine("src", "EdgeImpulse.Generated", "EdgeImpulse.Generated.csproj"));
        if (args.Count is not (0 or 2) || !File.Exists(project))
        {
            error.WriteLine($"SpecTool: error : {(File.Exists(project) ? "bad arguments" : $"no project at {project}")}. usage: {Usage}");
            return 2;
        }

        var build = runBuild(project);
        var findings = Parse(build.Output);
        var errors = BuildErrors(build.Output);
        var otherErrors = errors.Where(e => e.Code is not ("RS0016" or "RS0017")).Select(e => e.Line).ToList();
        if (otherErrors.Count > 0 || (build.ExitCode != 0 && errors.Count == 0))
        {
            // Not (only) an API difference: a real error. Show it and leave the listing alone, since a build that
            // stopped early reports a partial set of findings.
            error.WriteLine(otherErrors.Count > 0 ? string.Join(Environment.NewLine, otherErrors) : build.Output);
            error.WriteLine("SpecTool: error : the library does not build; fix that first.");
            return 1;
        }

        var directory = Path.GetDirectoryName(project)!;
        var unshippedPath = Path.Combine(directory, "PublicAPI.Unshipped.txt");
        var shipped = ReadListing(Path.Combine(directory, "PublicAPI.Shipped.txt"));
        var updated = Update(ReadListing(unshippedPath), shipped, findings);
        File.WriteAllText(unshippedPath, string.Join("\n", updated) + "\n", new UTF8Encoding(false));
        foreach (var line in Summarize(findings))
        {
            output.WriteLine(line);
        }

        return 0;
    }

    /// <summary>The analyzer's findings: symbols missing from the listing, and listed symbols that are gone.</summary>
    internal sealed record Findings(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

    internal static Findings Parse(string buildOutput)
    {
        static List<string> Collect(Regex pattern, string text) =>
            pattern.Matches(text).Select(m => m.Groups["symbol"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new Findings(Collect(MissingFromListing(), buildOutput), Collect(GoneFromCode(), buildOutput));
    }

    /// <summary>
    /// The build's error lines (each once) with their codes: MSBuild's "file(1,2): error CS0103: ..." and
    /// "SpecTool: error : ..." forms. A line counts as an error when its first diagnostic marker says so.
    /// </summary>
    internal static IReadOnlyList<(string Code, string Line)> BuildErrors(string buildOutput) =>
        buildOutput.Split('\n')
            .Select(line => (Line: line.TrimEnd('\r').Trim(), Match: DiagnosticMarker().Match(line)))
            .Where(l => l.Match.Success && l.Match.Groups["kind"].Value == "error")
            .Select(l => (l.Match.Groups["code"].Value, l.Line))
            .Distinct()
            .ToList();

    /// <summary>New Unshipped listing: removed lines dropped (or marked, if they had shipped), added lines in, sorted.</summary>
    internal static IReadOnlyList<string> Update(IReadOnlyList<string> unshipped, IReadOnlyCollection<string> shipped, Findings findings)
    {
        var removed = findings.Removed.ToHashSet(StringComparer.Ordinal);
        var lines = unshipped.Where(l => l != NullableHeader && !removed.Contains(l)).ToHashSet(StringComparer.Ordinal);
        lines.UnionWith(findings.Added);
        lines.UnionWith(findings.Removed.Where(shipped.Contains).Select(l => RemovedPrefix + l));
        return lines.Order(StringComparer.Ordinal).Prepend(NullableHeader).ToList();
    }

    /// <summary>A short change list: a symbol both removed and added (same name, new signature) counts as changed.</summary>
    internal static IReadOnlyList<string> Summarize(Findings findings)
    {
        var addedByName = findings.Added.ToLookup(SymbolName, StringComparer.Ordinal);
        var removedByName = findings.Removed.ToLookup(SymbolName, StringComparer.Ordinal);
        var changed = addedByName.Select(g => g.Key).Where(removedByName.Contains).ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>
        {
            $"public API: {findings.Added.Count(a => !changed.Contains(SymbolName(a)))} added, " +
            $"{findings.Removed.Count(r => !changed.Contains(SymbolName(r)))} removed, {changed.Count} changed",
        };
        lines.AddRange(findings.Added.Where(a => !changed.Contains(SymbolName(a))).Select(a => "  + " + a));
        lines.AddRange(findings.Removed.Where(r => !changed.Contains(SymbolName(r))).Select(r => "  - " + r));
        lines.AddRange(changed.Order(StringComparer.Ordinal).Select(name =>
            $"  ~ {string.Join(" | ", removedByName[name])}  =>  {string.Join(" | ", addedByName[name])}"));
        return lines;
    }

    // Modifiers the analyzer writes before a symbol ("static readonly N.T.F -> int"): not part of what the symbol is.
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "static", "override", "virtual", "abstract", "sealed", "const", "readonly", "new", "extern", "event", "volatile", "required", "unsafe", "async",
    };

    /// <summary>
    /// The member a listing line denotes, without its modifiers and signature: "virtual N.T.M(int) -> void" and
    /// "N.T.M(long) -> void" share "N.T.M"; "static N.T.P.get -> int" is "N.T.P.get"; "const N.T.C = 1 -> int" is
    /// "N.T.C"; "static N.T.operator ==(...)" is "N.T.operator ==". A change of modifiers or signature is therefore
    /// one changed member, never an unrelated addition and removal (or, as the first word alone, every static member
    /// lumped together).
    /// </summary>
    internal static string SymbolName(string line)
    {
        var symbol = (line.StartsWith(RemovedPrefix, StringComparison.Ordinal) ? line[RemovedPrefix.Length..] : line).TrimStart('~');
        for (var space = symbol.IndexOf(' ', StringComparison.Ordinal); space > 0 && Modifiers.Contains(symbol[..space]); space = symbol.IndexOf(' ', StringComparison.Ordinal))
        {
            symbol = symbol[(space + 1)..];
        }

        var end = new[] { symbol.IndexOf('(', StringComparison.Ordinal), symbol.IndexOf(" -> ", StringComparison.Ordinal), symbol.IndexOf(" = ", StringComparison.Ordinal) }
            .Where(i => i >= 0)
            .DefaultIfEmpty(symbol.Length)
            .Min();
        return symbol[..end];
    }

    private static List<string> ReadListing(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : new List<string>();

    private static (int ExitCode, string Output) RunBuild(string project)
    {
        // --no-incremental: the analyzer must see every symbol again; warnings instead of errors so all are reported.
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", project, "--no-incremental", "-nologo", "-p:EdgeImpulseApiCheck=true", "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=" },
        };
        var (exitCode, output, timedOut) = ChildProcess.Run(start, BuildTimeout);
        return timedOut
            ? (exitCode, output + $"\nSpecTool: error : the build did not finish within {BuildTimeout.TotalMinutes} minutes and was killed.")
            : (exitCode, output);
    }

    [GeneratedRegex(@":\s*(?<kind>error|warning)\s*(?<code>[A-Za-z]+[0-9]+)?\s*:")]
    private static partial Regex DiagnosticMarker();

    [GeneratedRegex(@"RS0016: Symbol '(?<symbol>.+?)' is not part of the declared public API")]
    private static partial Regex MissingFromListing();

    [GeneratedRegex(@"RS0017: Symbol '(?<symbol>.+?)' is part of the declared API, but is either not public or could not be found")]
    private static partial Regex GoneFromCode();
}
