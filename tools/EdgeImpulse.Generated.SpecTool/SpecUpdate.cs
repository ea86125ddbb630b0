using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Where the <c>update</c> command reads and writes.</summary>
/// <param name="Fragments">A directory of docs-site per-operation OpenAPI cuts merged over the upstream first (<see cref="SpecFragments"/>), or null.</param>
internal sealed record UpdateOptions(string Upstream, string Operations, string Out, string Overlay, NormalizerOptions? Normalizer = null, string? Fragments = null);

/// <summary>What an update did.</summary>
/// <param name="Errors">Every problem found; empty on success.</param>
/// <param name="Written">Whether <c>Out</c> was (re)written; false when unchanged or when the trim failed.</param>
/// <param name="Yaml">The new spec text, or null when the trim failed (then nothing is written).</param>
/// <param name="Summary">Changes against the previous file at <c>Out</c>, or null when there was none.</param>
/// <param name="Kept">What the trim kept, for the log: operations (of how many upstream) and components per section.</param>
/// <param name="Normalized">What <see cref="SpecNormalizer"/> changed in the part of the upstream spec that was kept.</param>
/// <param name="Merged">What the docs fragments replaced or added (empty without <c>--fragments</c>).</param>
internal sealed record UpdateResult(IReadOnlyList<string> Errors, bool Written, string? Yaml, SpecSummary? Summary, string Kept, IReadOnlyList<NormalizationChange> Normalized)
{
    public IReadOnlyList<string> Merged { get; init; } = [];
}

/// <summary>
/// Makes the vendored spec from a full upstream spec: trims it to the operations in scope, checks that every
/// local correction still applies to the result, writes it as YAML and summarises the changes.
/// </summary>
/// <remarks>
/// A trim problem (an operation missing upstream, a reference that cannot be followed) writes nothing: the file
/// would be wrong. Stale corrections do not stop the write: the new spec is right, the corrections are what needs
/// changing, and their new targets can only be found in the new file; the command still fails, and so does the
/// library build until the corrections are fixed.
/// </remarks>
internal static class SpecUpdate
{
    public static UpdateResult Run(UpdateOptions options)
    {
        var errors = new List<string>();
        var operationIds = OperationList.Load(options.Operations, errors);
        var upstreamName = Path.GetFileName(options.Upstream);
        var upstream = YamlJson.Load(options.Upstream) as JObject
            ?? throw new SpecToolException($"{upstreamName}: is not a YAML mapping.");
        // The docs' per-operation cuts are newer than the downloadable spec where they differ: merged first, so the
        // normalisation, the trim and the summary all see the merged operations and schemas.
        var merged = options.Fragments == null ? [] : SpecFragments.Merge(upstream, options.Fragments);
        // Normalised before the trim, which refuses security schemes nobody declares; only changes to what the trim
        // keeps are reported.
        // The .NET naming rules run after the trim: the scope lists upstream's operationIds, which they rewrite, and
        // only the names of what is kept can collide.
        var normalized = SpecNormalizer.Normalize(upstream, options.Normalizer is { DotNetNaming: true } both ? both with { DotNetNaming = false } : options.Normalizer).ToList();
        var trim = SpecTrimmer.Trim(upstream, operationIds, upstreamName);
        errors.AddRange(trim.Errors);
        normalized = normalized.Where(c => trim.Spec.SelectToken(c.Location) != null).ToList();
        if (options.Normalizer?.DotNetNaming == true && errors.Count == 0)
        {
            normalized.AddRange(SpecNormalizer.Normalize(trim.Spec, new NormalizerOptions(DotNetNaming: true)));
        }

        var kept = Describe(trim);
        if (errors.Count > 0)
        {
            return new UpdateResult(errors, false, null, null, kept, normalized) { Merged = merged };
        }

        var overlayName = Path.GetFileName(options.Overlay);
        errors.AddRange(Overlay.ApplyCollectingErrors(trim.Spec.DeepClone(), YamlJson.Load(options.Overlay), overlayName));

        var yaml = YamlWriter.Write(trim.Spec, Header(trim.Spec, options, operationIds.Count));
        if (!JToken.DeepEquals(YamlJson.Parse(yaml, "the written spec"), trim.Spec))
        {
            throw new SpecToolException("the YAML written does not read back as the trimmed spec (a bug in YamlWriter).");
        }

        var previous = File.Exists(options.Out) ? File.ReadAllText(options.Out) : null;
        var summary = previous == null ? null : SpecSummary.Compare(YamlJson.Parse(previous, Path.GetFileName(options.Out)), trim.Spec);
        var written = previous != yaml;
        if (written)
        {
            File.WriteAllText(options.Out, yaml, new UTF8Encoding(false));
        }

        return new UpdateResult(errors, written, yaml, summary, kept, normalized) { Merged = merged };
    }

    private static string Describe(TrimResult trim)
    {
        var operations = SpecTrimmer.Operations(trim.Spec).Count();
        var sections = (trim.Spec["components"] as JObject)?.Properties().Select(s => $"{((JObject)s.Value).Count} {s.Name}") ?? [];
        return $"{operations} of {trim.UpstreamOperationCount} operations, components: {string.Join(", ", sections)}";
    }

    private static string FragmentsNote(UpdateOptions options) =>
        options.Fragments == null ? "" : $", with the docs fragments in {Path.GetFileName(Path.TrimEndingDirectorySeparator(options.Fragments))}/ merged over it";

    // The service is named by its own spec (info.title), so the tool writes no particular service into a header.
    private static string ServiceName(JObject spec) =>
        spec["info"]?["title"] is { Type: JTokenType.String } title && ((string)title!).Trim().Length > 0 ? ((string)title!).Trim() : "upstream";

    // Provenance without a timestamp, so the same input always gives the same file.
    private static string Header(JObject spec, UpdateOptions options, int operationCount)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(options.Upstream)));
        return $"""
            Vendored subset of the {ServiceName(spec)} spec (OpenAPI {spec["openapi"]}) for the C# client library:
            the {operationCount} operations listed in {Path.GetFileName(options.Operations)} and every component they reference.

            Source: {Path.GetFileName(options.Upstream)} (info.version {spec["info"]?["version"]}, sha256 {hash}){FragmentsNote(options)}.
            Made by: dotnet run --project tools/EdgeImpulse.Generated.SpecTool -- update --upstream <file>
                     (or ./build.ps1 update-spec -Upstream <file>); see README.md "How the client is made".
            DO NOT EDIT BY HAND: rerun the update. Local corrections belong in {Path.GetFileName(options.Overlay)}.
            """;
    }
}
