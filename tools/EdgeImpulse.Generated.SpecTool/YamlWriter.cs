using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Writes JSON tokens as block-style YAML that <see cref="YamlJson"/> reads back to equal tokens.</summary>
/// <remarks>
/// YamlDotNet's emitter decides what the syntax needs (quoting a leading '-', ': ' or '#', escaping); this class
/// decides what the typing needs: a string is quoted when a plain scalar with its text would read as something
/// else under YAML 1.2 (<c>'200'</c>, <c>'true'</c>, <c>''</c>) or under YAML 1.1 readers (<c>'y'</c>,
/// <c>'no'</c>, anything number-like such as <c>'0..1'</c>). Multi-line strings use literal block style.
/// Lines are never wrapped, so a changed description is a one-line diff.
/// </remarks>
internal static partial class YamlWriter
{
    public static string Write(JToken document, string headerComment)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        foreach (var line in headerComment.Split('\n'))
        {
            writer.Write(line.Length == 0 ? "#\n" : $"# {line}\n");
        }

        var settings = new EmitterSettings().WithBestIndent(2).WithBestWidth(int.MaxValue).WithIndentedSequences().WithNewLine("\n");
        var emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var property in obj.Properties())
                {
                    EmitString(emitter, property.Name);
                    Emit(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JArray array:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JValue { Type: JTokenType.String } value:
                EmitString(emitter, (string)value!);
                break;
            case JValue { Type: JTokenType.Integer } value:
                EmitPlain(emitter, Convert.ToString(value.Value, CultureInfo.InvariantCulture)!);
                break;
            case JValue { Type: JTokenType.Float } value:
                EmitPlain(emitter, FormatFloat(Convert.ToDouble(value.Value, CultureInfo.InvariantCulture)));
                break;
            case JValue { Type: JTokenType.Boolean } value:
                EmitPlain(emitter, (bool)value ? "true" : "false");
                break;
            case JValue { Type: JTokenType.Null }:
                EmitPlain(emitter, "null");
                break;
            default:
                throw new SpecToolException($"cannot write a {token.Type} value as YAML ({token.Path}).");
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : NeedsQuotes(text) ? ScalarStyle.SingleQuoted
            : ScalarStyle.Plain;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    private static void EmitPlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));

    private static bool NeedsQuotes(string text) =>
        YamlJson.ResolvePlain(text).Type != JTokenType.String || Yaml11NonString().IsMatch(text);

    // The shortest text that reads back as the same double, and still reads as a float (1.0, not 1).
    private static string FormatFloat(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new SpecToolException($"cannot write the number {number} in a JSON-compatible spec.");
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0 ? text : text + ".0";
    }

    // Plain scalars a YAML 1.1 reader (or a lenient one) would not read as a string: booleans like y/no/on,
    // and anything that starts like a number, an .inf/.nan or a timestamp.
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.?[0-9].*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.Singleline)]
    private static partial Regex Yaml11NonString();
}
