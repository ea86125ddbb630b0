using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>
/// What a round trip lost: every JSON path of <c>expected</c> that is missing or different in <c>actual</c>, and every
/// path <c>actual</c> invented (an empty collection is not invented: the DTOs write required collections as empty, by design). Numbers compare by value (3 and 3.0 are one JSON number) and ISO dates by instant
/// (<c>Z</c> and <c>+00:00</c> are one time).
/// </summary>
internal static class JsonLoss
{
    /// <summary>Parses JSON as written, dates kept as the strings they are on the wire.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    public static IReadOnlyList<string> Compare(JToken expected, JToken? actual)
    {
        var differences = new List<string>();
        Walk(expected, actual, "$", differences);
        return differences;
    }

    private static void Walk(JToken expected, JToken? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case JObject expectedObject when actual is JObject actualObject:
                foreach (var property in expectedObject.Properties())
                {
                    var child = $"{path}.{property.Name}";
                    if (actualObject[property.Name] is { } value)
                    {
                        Walk(property.Value, value, child, differences);
                    }
                    else
                    {
                        differences.Add($"lost {child}");
                    }
                }

                differences.AddRange(actualObject.Properties().Where(p => expectedObject[p.Name] is null && p.Value.Type != JTokenType.Null && p.Value is not JContainer { Count: 0 }).Select(p => $"added {path}.{p.Name}"));
                return;
            case JArray expectedArray when actual is JArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    differences.Add($"changed {path}: {expectedArray.Count} item(s) became {actualArray.Count}");
                    return;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Walk(expectedArray[i], actualArray[i], $"{path}[{i}]", differences);
                }

                return;
            case JValue expectedValue when actual is JValue actualValue && SameValue(expectedValue, actualValue):
                return;
            default:
                differences.Add(actual is null ? $"lost {path}" : $"changed {path}: {expected.ToString(Formatting.None)} became {actual.ToString(Formatting.None)}");
                return;
        }
    }

    private static bool SameValue(JValue expected, JValue actual)
    {
        if (JToken.DeepEquals(expected, actual))
        {
            return true;
        }

        if (expected.Type is JTokenType.Integer or JTokenType.Float && actual.Type is JTokenType.Integer or JTokenType.Float)
        {
            return Convert.ToDecimal(expected.Value, CultureInfo.InvariantCulture) == Convert.ToDecimal(actual.Value, CultureInfo.InvariantCulture);
        }

        return expected.Value is string e && actual.Value is string a && SameText(e, a);
    }

    /// <summary>Whether two texts are one value: equal, or ISO dates of the same instant.</summary>
    public static bool SameText(string expected, string actual) =>
        expected == actual
        || (expected.Length >= 10 && char.IsAsciiDigit(expected[0]) && expected[4] == '-'
            && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expectedTime)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var actualTime)
            && expectedTime == actualTime);
}
