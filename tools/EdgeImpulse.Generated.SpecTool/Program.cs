using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

internal static class Program
{
    private const string Usage = "usage: correct --spec <openapi.yaml> [--overlay <corrections.overlay.yaml>] --out <corrected.json> [--operations <list>] [--name-inline-schemas] [--dotnet-naming]";

    public static int Main(string[] args)
    {
        try
        {
            return Run(args, Console.Out, Console.Error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in the tool, not a problem with its input: still one error line for the build instead of an
            // abort (exit 134), with the details after it.
            Console.Error.WriteLine($"SpecTool: error : unexpected {ex.GetType().Name}: {ex.Message} (a SpecTool bug; details follow)");
            Console.Error.WriteLine(ex);
            return 1;
        }
    }

    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 0 && args[0] == "update")
        {
            return UpdateCommand.Run(args[1..], output, error);
        }

        if (args.Length > 0 && args[0] == "runtime-sources")
        {
            return RuntimeSourcesCommand.Run(args[1..], output, error);
        }

        if (args.Length > 0 && args[0] == "api-listing")
        {
            return ApiListingCommand.Run(args[1..], output, error);
        }

        try
        {
            if (args.Length == 0 || args[0] != "correct")
            {
                error.WriteLine(Usage);
                error.WriteLine($"   or: {UpdateCommand.Usage}");
                error.WriteLine($"   or: {ApiListingCommand.Usage}");
                error.WriteLine($"   or: {RuntimeSourcesCommand.Usage}");
                return 2;
            }

            var spec = Option(args, "--spec");
            // Optional: a spec that needs no correction is generated as it is.
            var overlayPath = args.Contains("--overlay") ? Option(args, "--overlay") : null;
            var outputPath = Option(args, "--out");
            var specName = Path.GetFileName(spec);
            var document = YamlJson.Load(spec) as JObject ?? throw new SpecToolException($"{specName}: is not a YAML mapping.");

            // The default rules before the corrections (the corrections are written against the normalised spec that
            // `update` writes); naming inline schemas after them, so x-hoist corrections still find their inline targets.
            var changes = SpecNormalizer.Normalize(document).ToList();
            var applied = overlayPath is null ? [] : Overlay.Apply(document, YamlJson.Load(overlayPath), Path.GetFileName(overlayPath));
            // A smaller client from the same corrected spec (the benchmarks' stock competitor): trimmed after the
            // corrections, which are written against the whole spec, and before the naming rules, since the list names
            // wire operationIds.
            if (Array.IndexOf(args, "--operations") >= 0)
            {
                document = TrimTo(document, Option(args, "--operations"), specName);
            }

            // The union rules after the corrections, which declare the hand-written unions they reuse (and hide the
            // ones they replace); before inline naming, which then names the merged types.
            changes.AddRange(UnionRules.Apply(document));

            var optional = new NormalizerOptions(NameInlineSchemas: args.Contains("--name-inline-schemas"), DotNetNaming: args.Contains("--dotnet-naming"));
            if (optional.NameInlineSchemas || optional.DotNetNaming)
            {
                changes.AddRange(SpecNormalizer.Normalize(document, optional));
            }

            foreach (var line in SpecNormalizer.Summarize(changes))
            {
                output.WriteLine(line);
            }

            IdempotencyRule.Apply(document);
            FormRequiredRule.Apply(document);
            var problems = SpecPreflight.Check(document, specName);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    error.WriteLine($"SpecTool: error : {problem}");
                }

                error.WriteLine($"SpecTool: error : {problems.Count} problem(s) NSwag cannot generate; {outputPath} not written.");
                return 1;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            File.WriteAllText(outputPath, document.ToString(Formatting.Indented) + "\n", new UTF8Encoding(false));
            output.WriteLine(overlayPath is null
                ? $"SpecTool: no corrections (no --overlay) -> {outputPath}"
                : $"SpecTool: applied {applied.Count} corrections from {Path.GetFileName(overlayPath)} -> {outputPath}");
            return 0;
        }
        catch (Exception ex) when (ex is SpecToolException or IOException or YamlDotNet.Core.YamlException or JsonException)
        {
            // MSBuild turns "error :" lines into build errors with this text.
            error.WriteLine($"SpecTool: error : {ex.Message}");
            return 1;
        }
    }

    private static JObject TrimTo(JObject document, string operationsPath, string specName)
    {
        var errors = new List<string>();
        var ids = OperationList.Load(operationsPath, errors);
        var trim = SpecTrimmer.Trim(document, ids, specName);
        errors.AddRange(trim.Errors);
        return errors.Count == 0 ? trim.Spec : throw new SpecToolException(string.Join(" ", errors));
    }

    private static string Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0 || index + 1 >= args.Length)
        {
            throw new SpecToolException($"missing {name}. {Usage}");
        }

        return args[index + 1];
    }
}
