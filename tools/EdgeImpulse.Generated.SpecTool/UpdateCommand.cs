using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>The <c>update</c> command line: options, printing, exit code.</summary>
internal static class UpdateCommand
{
    public const string Usage = "usage: update --upstream <full openapi.yml> [--operations openapi.operations.txt] [--out openapi.yaml] [--overlay corrections.overlay.yaml] [--fragments <dir of docs per-operation cuts>] [--name-inline-schemas] [--dotnet-naming] (defaults are relative to the current directory)";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            var options = ParseOptions(args);
            var result = SpecUpdate.Run(options);
            foreach (var line in result.Merged)
            {
                output.WriteLine($"SpecTool: fragments: {line}");
            }

            output.WriteLine($"SpecTool: kept {result.Kept}");
            foreach (var line in SpecNormalizer.Summarize(result.Normalized))
            {
                output.WriteLine(line);
            }

            output.WriteLine(result switch
            {
                { Yaml: null } => $"SpecTool: {options.Out} not written (trim errors below)",
                { Written: true } => $"SpecTool: wrote {options.Out}",
                _ => $"SpecTool: {options.Out} is unchanged",
            });
            if (result.Summary != null)
            {
                var lines = result.Summary.Lines();
                output.WriteLine(lines.Count == 0 ? "SpecTool: no operation or schema changes against the previous file" : "SpecTool: changes against the previous file:");
                foreach (var line in lines)
                {
                    output.WriteLine($"  {line}");
                }
            }

            foreach (var problem in result.Errors)
            {
                error.WriteLine($"SpecTool: error : {problem}");
            }

            return result.Errors.Count == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is SpecToolException or IOException or YamlDotNet.Core.YamlException or JsonException)
        {
            error.WriteLine($"SpecTool: error : {ex.Message}");
            return 1;
        }
    }

    private static UpdateOptions ParseOptions(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--operations"] = "openapi.operations.txt",
            ["--out"] = "openapi.yaml",
            ["--overlay"] = "corrections.overlay.yaml",
        };
        var nameInlineSchemas = false;
        var dotNetNaming = false;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is "--name-inline-schemas" or "--dotnet-naming")
            {
                nameInlineSchemas |= args[i] == "--name-inline-schemas";
                dotNetNaming |= args[i] == "--dotnet-naming";
                i--;
                continue;
            }

            if (args[i] is not ("--upstream" or "--operations" or "--out" or "--overlay" or "--fragments") || i + 1 >= args.Count)
            {
                throw new SpecToolException($"unexpected argument '{args[i]}'. {Usage}");
            }

            values[args[i]] = args[i + 1];
        }

        return values.TryGetValue("--upstream", out var upstream)
            ? new UpdateOptions(upstream, values["--operations"], values["--out"], values["--overlay"], new NormalizerOptions(nameInlineSchemas, dotNetNaming), values.GetValueOrDefault("--fragments"))
            : throw new SpecToolException($"missing --upstream. {Usage}");
    }
}
