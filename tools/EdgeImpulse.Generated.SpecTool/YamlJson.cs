using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Reads YAML into JSON tokens with YAML 1.2 core-schema typing of plain scalars.</summary>
/// <remarks>
/// Quoted scalars stay strings, so <c>'y'</c>, <c>'200'</c> and <c>'-1..1'</c> survive as written.
/// YamlDotNet itself rejects duplicate keys and resolves anchors/aliases. A YAML error names the file, line and
/// column; every token read carries its <see cref="SourceLocation"/>, so later errors can say where a value came from.
/// </remarks>
internal static partial class YamlJson
{
    public static JToken Load(string path)
    {
        using var reader = File.OpenText(path);
        return Read(reader, path);
    }

    /// <summary>Reads YAML text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static JToken Parse(string yaml, string sourceName)
    {
        using var reader = new StringReader(yaml);
        return Read(reader, sourceName);
    }

    /// <summary>The JSON value a plain (unquoted) scalar with this text reads as.</summary>
    public static JToken ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return JValue.CreateNull();
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }

        return new JValue(text);
    }

    private static JToken Read(TextReader reader, string sourceName)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // YamlDotNet's message has no position; its marks are 1-based.
            throw new SpecToolException($"{sourceName}({ex.Start.Line},{ex.Start.Column}): invalid YAML: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // Some malformed input (a flow sequence left open before a plain scalar) trips YamlDotNet's scanner
            // without a YamlException; the end of the last event read is the closest position there is.
            throw new SpecToolException($"{sourceName}({parser.LastEnd.Line},{parser.LastEnd.Column}): invalid YAML after this point: {ex.Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpecToolException($"{sourceName}: expected exactly one YAML document, found {stream.Documents.Count}.");
        }

        return Convert(stream.Documents[0].RootNode, sourceName);
    }

    private static JToken Convert(YamlNode node, string path)
    {
        var token = ConvertNode(node, path);
        token.AddAnnotation(new SourceLocation(path, (int)node.Start.Line, (int)node.Start.Column));
        return token;
    }

    private static JToken ConvertNode(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new SpecToolException($"{path}({key.Start.Line},{key.Start.Column}): mapping keys must be scalars.");
                    }

                    obj[name] = Convert(value, path);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, path));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                throw new SpecToolException($"{path}({node.Start.Line},{node.Start.Column}): unsupported YAML node '{node.NodeType}'.");
        }
    }

    private static JToken ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        return scalar.Style == ScalarStyle.Plain ? ResolvePlain(text) : new JValue(text);
    }

    // Remembers where the last event ended, for errors YamlDotNet raises without a position.
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastEnd { get; private set; } = Mark.Empty;

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current != null)
            {
                LastEnd = inner.Current.End;
            }

            return moved;
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
