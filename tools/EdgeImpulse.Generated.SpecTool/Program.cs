using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

internal static class Program
{
    private const string Usage = "usage: correct --spec <openapi.yaml> --overlay <corrections.overlay.yaml> --out <corrected.json>";

    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "update")
        {
            return UpdateCommand.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && args[0] == "api-listing")
        {
            return ApiListingCommand.Run(args[1..], Console.Out, Console.Error);
        }

        try
        {
            if (args.Length == 0 || args[0] != "correct")
            {
                Console.Error.WriteLine(Usage);
                Console.Error.WriteLine($"   or: {UpdateCommand.Usage}");
                Console.Error.WriteLine($"   or: {ApiListingCommand.Usage}");
                return 2;
            }

            var spec = Option(args, "--spec");
            var overlayPath = Option(args, "--overlay");
            var output = Option(args, "--out");
            var document = YamlJson.Load(spec);
            var applied = Overlay.Apply(document, YamlJson.Load(overlayPath), Path.GetFileName(overlayPath));
            IdempotencyRule.Apply(document);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllText(output, document.ToString(Formatting.Indented) + "\n", new UTF8Encoding(false));
            Console.WriteLine($"SpecTool: applied {applied.Count} corrections from {Path.GetFileName(overlayPath)} -> {output}");
            return 0;
        }
        catch (Exception ex) when (ex is SpecToolException or IOException or YamlDotNet.Core.YamlException or JsonException)
        {
            // MSBuild turns "error :" lines into build errors with this text.
            Console.Error.WriteLine($"SpecTool: error : {ex.Message}");
            return 1;
        }
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
