using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Applies an OpenAPI Overlay 1.0 document (JSONPath targets; <c>update</c>, <c>remove</c> or <c>x-hoist</c>).</summary>
/// <remarks>
/// Stricter than the Overlay spec on purpose: an action whose target matches nothing is an error, so a
/// correction that no longer applies after a spec update is noticed instead of silently skipped; so is a target
/// with a union (<c>['a','b']</c>, <c>[0,2]</c>) any one of whose members matches nothing.
/// One extension (Overlay allows <c>x-</c> fields on actions): <c>x-hoist: Name</c> moves the single inline
/// schema the target selects to <c>components.schemas.Name</c> and leaves a <c>$ref</c>, so the generated type
/// gets a real name instead of one derived from its property (<c>Data2</c>, <c>Anonymous</c>). Hoisting a
/// second schema to an existing name is allowed only when both are identical.
/// </remarks>
internal static class Overlay
{
    /// <summary>Applies every action in order; the first problem throws (the build's <c>correct</c> command).</summary>
    public static IReadOnlyList<string> Apply(JToken document, JToken overlay, string overlayName)
    {
        var applied = new List<string>();
        var index = 0;
        foreach (var action in Actions(overlay, overlayName))
        {
            applied.Add(ApplyAction(document, action, ++index, overlayName));
        }

        return applied;
    }

    /// <summary>
    /// Applies every action it can and returns the problems of the others (stale targets, hoist clashes, malformed
    /// actions), so a spec update reports all corrections that need attention at once. A document that is not an
    /// overlay at all still throws.
    /// </summary>
    public static IReadOnlyList<string> ApplyCollectingErrors(JToken document, JToken overlay, string overlayName)
    {
        var errors = new List<string>();
        var index = 0;
        foreach (var action in Actions(overlay, overlayName))
        {
            try
            {
                ApplyAction(document, action, ++index, overlayName);
            }
            catch (SpecToolException ex)
            {
                errors.Add(ex.Message);
            }
        }

        return errors;
    }

    private static JArray Actions(JToken overlay, string overlayName)
    {
        if (overlay is not JObject || overlay["overlay"]?.Type != JTokenType.String || !((string)overlay["overlay"]!).StartsWith("1.", StringComparison.Ordinal))
        {
            throw new SpecToolException($"{overlayName}: not an OpenAPI Overlay 1.x document (missing 'overlay: 1.0.0').");
        }

        // A client whose spec needs no correction yet has an overlay with no actions (`actions: []`, or the key
        // left empty): that is a valid overlay. Anything else in place of the list is a mistake.
        return overlay["actions"] switch
        {
            JArray actions => actions,
            null or { Type: JTokenType.Null } => [],
            var other => throw new SpecToolException($"{SourceLocation.Of(other, overlayName)}: 'actions' must be a list (empty when there is nothing to correct), not {other.Type}."),
        };
    }

    private static string ApplyAction(JToken document, JToken action, int index, string overlayName)
    {
        // "corrections.overlay.yaml(12): action 3": the file and line of the action, so an error is found at once.
        var where = $"{SourceLocation.Of(action, overlayName)}: action {index}";
        if (action is not JObject)
        {
            throw new SpecToolException($"{where} is a {action.Type}, not a mapping with 'target', 'description' and one of 'update', 'remove' or 'x-hoist'.");
        }

        var target = Text(action, "target", where) ?? throw new SpecToolException($"{where} has no 'target'.");
        var description = Text(action, "description", where);
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new SpecToolException($"{where} ({target}) has no 'description'; every correction states its reason.");
        }

        var remove = action["remove"] switch
        {
            null => false,
            { Type: JTokenType.Boolean } flag => (bool)flag,
            var other => throw new SpecToolException($"{where}: 'remove' must be true or false, not {other.Type} '{other}'."),
        };
        var update = action["update"];
        var hoist = Text(action, "x-hoist", where);
        if ((remove ? 1 : 0) + (update != null ? 1 : 0) + (hoist != null ? 1 : 0) != 1)
        {
            throw new SpecToolException($"{where} ({target}) must have exactly one of 'update', 'remove: true' or 'x-hoist'.");
        }

        var matches = Select(document, target, where);
        if (matches.Count == 0)
        {
            throw new SpecToolException($"{where}: target '{target}' matches nothing in the spec; the correction is stale ({description}).");
        }

        // SelectTokens skips the names of a union it cannot find, so ['a','b'] still matches when 'b' is gone.
        var missing = UnionMembers(target).Where(m => Select(document, m.Path, where).Count == 0).Select(m => m.Member).ToList();
        if (missing.Count > 0)
        {
            throw new SpecToolException($"{where}: target '{target}': union member(s) {string.Join(", ", missing)} match nothing in the spec; the correction is partly stale ({description}).");
        }

        if (hoist != null)
        {
            Hoist(document, matches, hoist, target, where);
            return $"{target} -> {hoist}: {description}";
        }

        foreach (var match in matches)
        {
            if (remove)
            {
                Remove(match, target, where);
            }
            else
            {
                Merge(match, update!, target, where);
            }
        }

        return $"{target} ({matches.Count}): {description}";
    }

    // A string field of an action, or null when absent; any other type is an error naming the field.
    private static string? Text(JToken action, string field, string where) => action[field] switch
    {
        null => null,
        { Type: JTokenType.String } text => (string)text!,
        var other => throw new SpecToolException($"{where}: '{field}' must be a string, not {other.Type} '{other.ToString(Newtonsoft.Json.Formatting.None)}'."),
    };

    /// <summary>
    /// Every token the JSONPath selects. Newtonsoft parses the path lazily and evaluates filters as it goes, so a bad
    /// path surfaces as a <see cref="Newtonsoft.Json.JsonException"/> and a bad filter as whatever the filter throws
    /// (an invalid regular expression: <see cref="ArgumentException"/>); each becomes an error naming the action.
    /// </summary>
    private static List<JToken> Select(JToken document, string path, string where)
    {
        try
        {
            return document.SelectTokens(path).ToList();
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or ArgumentException or FormatException or InvalidOperationException or InvalidCastException or OverflowException or TimeoutException)
        {
            throw new SpecToolException($"{where} has an invalid JSONPath '{path}': {ex.Message}");
        }
    }

    /// <summary>
    /// Each member of every bracket union in a JSONPath (<c>['a','b']</c>, <c>[0,2]</c>), with the path that selects
    /// that member alone (other unions left as written). Filters (<c>[?(...)]</c>), scripts and quoted names are not
    /// unions, whatever commas they hold.
    /// </summary>
    internal static IEnumerable<(string Member, string Path)> UnionMembers(string target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] is '\'' or '"')
            {
                i = ClosingQuote(target, i);
                continue;
            }

            if (target[i] != '[')
            {
                continue;
            }

            var end = ClosingBracket(target, i);
            if (end < 0)
            {
                yield break; // malformed; SelectTokens has reported it already
            }

            var content = target[(i + 1)..end];
            if (!content.TrimStart().StartsWith('?') && !content.TrimStart().StartsWith('('))
            {
                var members = SplitUnion(content);
                if (members.Count > 1)
                {
                    foreach (var member in members)
                    {
                        yield return (member, target[..(i + 1)] + member + target[end..]);
                    }
                }
            }

            i = end;
        }
    }

    // The index of the quote that closes the one at start (backslash escapes), or the last index if unclosed.
    private static int ClosingQuote(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[start])
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    // The index of the ']' that closes the '[' at start, counting nested brackets and parentheses; -1 if none.
    private static int ClosingBracket(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\'' or '"':
                    i = ClosingQuote(text, i);
                    break;
                case '[' or '(':
                    depth++;
                    break;
                case ']' or ')':
                    if (--depth == 0)
                    {
                        return text[i] == ']' ? i : -1;
                    }

                    break;
            }
        }

        return -1;
    }

    // A bracket's content split at its top-level commas (none inside quotes), each part trimmed.
    private static List<string> SplitUnion(string content)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] is '\'' or '"')
            {
                i = ClosingQuote(content, i);
            }
            else if (content[i] == ',')
            {
                parts.Add(content[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(content[start..].Trim());
        return parts;
    }

    private static void Hoist(JToken document, List<JToken> matches, string name, string target, string where)
    {
        if (matches.Count != 1 || matches[0] is not JObject schema || schema["$ref"] != null)
        {
            var selected = matches is [JObject { } only] && only["$ref"] is { } reference
                ? $"a $ref to '{reference}' (named already: the correction is stale)"
                : $"{matches.Count} node(s)";
            throw new SpecToolException($"{where}: x-hoist '{name}' needs a target that selects exactly one inline schema object; '{target}' selects {selected}.");
        }

        var schemas = document.SelectToken("components.schemas") as JObject
            ?? throw new SpecToolException($"{where}: the spec has no components.schemas to hoist '{name}' into.");
        if (schemas[name] is { } existing && !JToken.DeepEquals(existing, schema))
        {
            throw new SpecToolException($"{where}: x-hoist '{name}' from '{target}' differs from the existing schema of that name; pick another name.");
        }

        schemas[name] = schema.DeepClone();
        schema.Replace(new JObject { ["$ref"] = $"#/components/schemas/{name}" });
    }

    private static void Remove(JToken match, string target, string where)
    {
        switch (match.Parent)
        {
            case JProperty property:
                property.Remove();
                break;
            case JArray:
                match.Remove();
                break;
            default:
                throw new SpecToolException($"{where}: cannot remove the document root ({target}).");
        }
    }

    // Overlay 1.0: objects merge recursively, arrays get the update appended, anything else is replaced.
    private static void Merge(JToken target, JToken update, string path, string where)
    {
        switch (target)
        {
            case JObject targetObject when update is JObject updateObject:
                foreach (var property in updateObject.Properties())
                {
                    if (targetObject[property.Name] is JObject or JArray && property.Value is JObject)
                    {
                        Merge(targetObject[property.Name]!, property.Value, path, where);
                    }
                    else
                    {
                        targetObject[property.Name] = property.Value.DeepClone();
                    }
                }

                break;
            case JArray targetArray:
                if (update is JArray items)
                {
                    foreach (var item in items)
                    {
                        targetArray.Add(item.DeepClone());
                    }
                }
                else
                {
                    targetArray.Add(update.DeepClone());
                }

                break;
            default:
                throw new SpecToolException($"{where}: target '{path}' selects a {target.Type}; an update needs an object or an array.");
        }
    }
}
