using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Recorder;

/// <summary>
/// Reads and writes fixture JSON so that re-recording unchanged data gives byte-identical files:
/// object keys sorted (see <see cref="Normalize"/>), date-times in UTC with milliseconds, 2-space indent, '\n' line ends, a final newline.
/// </summary>
/// <remarks>
/// Arrays keep their order (it carries meaning). As in the authored fixtures, arrays of numbers are written on one
/// line (<c>[-4.82, 0.27, 8.82]</c>), so a sample's values stay readable, and so are short arrays of strings.
/// </remarks>
internal static partial class StableJson
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int MaxInlineStringArrayLength = 100;
    private const int MaxParsedFractionDigits = 7;

    /// <summary>
    /// Parses JSON keeping every string a string (no date guessing), integers exact, and other numbers as doubles
    /// (so NaN and ±Infinity read; <see cref="Write(JToken)"/> writes a double in the shortest form that reads back the same).
    /// </summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException($"Unexpected content after the JSON value (line {reader.LineNumber}).");
        }

        return token;
    }

    /// <summary>
    /// Returns a copy with object keys sorted recursively and every ISO-8601 date-time with a zone normalised to UTC.
    /// </summary>
    /// <remarks>
    /// Key order: at the top level the Studio's envelope first, <c>success</c> then <c>error</c>, as the Studio writes
    /// it; then integer keys (<c>"0"</c>, <c>"6"</c>, <c>"12"</c>: an index map such as a feature vector's X) in
    /// numeric order, as JavaScript — and so the Studio — always writes them; then the other keys, ordinal.
    /// </remarks>
    public static JToken Normalize(JToken token) => Normalize(token, topLevel: true);

    private static JToken Normalize(JToken token, bool topLevel) => token switch
    {
        JObject obj => new JObject(obj.Properties()
            .OrderBy(p => topLevel ? EnvelopeRank(p.Name) : 0)
            .ThenBy(p => IndexKey(p.Name) ?? ulong.MaxValue)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new JProperty(p.Name, Normalize(p.Value, topLevel: false)))),
        JArray array => new JArray(array.Select(i => Normalize(i, topLevel: false))),
        JValue { Type: JTokenType.String } value => new JValue(NormalizeDateTime((string)value!)),
        _ => token.DeepClone(),
    };

    // success first, then error, then everything else.
    private static int EnvelopeRank(string name) => name switch
    {
        "success" => 0,
        "error" => 1,
        _ => 2,
    };

    // A key JavaScript treats as an array index (0 .. 2^32 - 2, written without sign or leading zeros) and so writes
    // first, in numeric order; null for any other key.
    private static ulong? IndexKey(string name) =>
        name.Length is > 0 and <= 10
        && name.All(char.IsAsciiDigit)
        && (name == "0" || name[0] != '0')
        && ulong.Parse(name, CultureInfo.InvariantCulture) is var index and <= uint.MaxValue - 1
            ? index
            : null;

    /// <summary>Rewrites an ISO-8601 date-time that carries a zone (Z or ±hh:mm) as UTC <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>; other strings are returned as they are.</summary>
    /// <remarks>
    /// A date-time without a zone is left alone: its instant is unknown. Digits after the milliseconds are dropped
    /// (truncated, not rounded); a fraction longer than .NET reads (7 digits, e.g. nanoseconds) is cut to 7 first.
    /// </remarks>
    public static string NormalizeDateTime(string text)
    {
        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var fraction = match.Groups["fraction"];
        var parseable = fraction.Length > MaxParsedFractionDigits
            ? text[..(fraction.Index + MaxParsedFractionDigits)] + text[(fraction.Index + fraction.Length)..]
            : text;
        return DateTimeOffset.TryParse(parseable, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>Writes the token as it is (call <see cref="Normalize"/> first for sorted keys).</summary>
    public static string Write(JToken token)
    {
        var builder = new StringBuilder();
        Write(builder, token, indent: 0);
        return builder.Append('\n').ToString();
    }

    /// <summary><see cref="Normalize"/> then <see cref="Write(JToken)"/>.</summary>
    public static string Format(JToken token) => Write(Normalize(token));

    private static void Write(StringBuilder builder, JToken token, int indent)
    {
        switch (token)
        {
            case JObject obj when obj.Count == 0:
                builder.Append("{}");
                break;
            case JObject obj:
                builder.Append("{\n");
                var first = true;
                foreach (var property in obj.Properties())
                {
                    if (!first)
                    {
                        builder.Append(",\n");
                    }

                    first = false;
                    builder.Append(' ', (indent + 1) * 2).Append(JsonConvert.ToString(property.Name)).Append(": ");
                    Write(builder, property.Value, indent + 1);
                }

                builder.Append('\n').Append(' ', indent * 2).Append('}');
                break;
            case JArray array when array.Count == 0:
                builder.Append("[]");
                break;
            case JArray array when InlineArray(array) is { } inline:
                builder.Append(inline);
                break;
            case JArray array:
                builder.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(' ', (indent + 1) * 2);
                    Write(builder, array[i], indent + 1);
                    builder.Append(i < array.Count - 1 ? ",\n" : "\n");
                }

                builder.Append(' ', indent * 2).Append(']');
                break;
            default:
                builder.Append(Scalar(token));
                break;
        }
    }

    // Numbers stay on one line however many (a sample's values, a feature vector); strings only while the line stays short.
    private static string? InlineArray(JArray array)
    {
        if (!array.All(i => i is JValue))
        {
            return null;
        }

        var inline = "[" + string.Join(", ", array.Select(Scalar)) + "]";
        return inline.Length <= MaxInlineStringArrayLength || array.All(i => i.Type != JTokenType.String) ? inline : null;
    }

    // NaN and ±Infinity are written as the bare symbols they were read from (JToken.ToString would quote them,
    // turning a number into a string on the next read).
    private static string Scalar(JToken value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, FloatFormatHandling = FloatFormatHandling.Symbol })
        {
            value.WriteTo(writer);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.(?<fraction>\d+))?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();
}
