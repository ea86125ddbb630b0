using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Applies an OpenAPI Overlay 1.0 document (JSONPath targets; <c>update</c> or <c>remove</c>).</summary>
/// <remarks>
/// Stricter than the Overlay spec on purpose: an action whose target matches nothing is an error, so a
/// correction that no longer applies after a spec update is noticed instead of silently skipped.
/// </remarks>
internal static class Overlay
{
    public static IReadOnlyList<string> Apply(JToken document, JToken overlay, string overlayName)
    {
        if (overlay["overlay"]?.Type != JTokenType.String || !((string)overlay["overlay"]!).StartsWith("1.", System.StringComparison.Ordinal))
        {
            throw new SpecToolException($"{overlayName}: not an OpenAPI Overlay 1.x document (missing 'overlay: 1.0.0').");
        }

        if (overlay["actions"] is not JArray actions || actions.Count == 0)
        {
            throw new SpecToolException($"{overlayName}: 'actions' must be a non-empty list.");
        }

        var applied = new List<string>();
        var index = 0;
        foreach (var action in actions)
        {
            index++;
            var target = (string?)action["target"] ?? throw new SpecToolException($"{overlayName}: action {index} has no 'target'.");
            var description = (string?)action["description"];
            if (string.IsNullOrWhiteSpace(description))
            {
                throw new SpecToolException($"{overlayName}: action {index} ({target}) has no 'description'; every correction states its reason.");
            }

            var remove = (bool?)action["remove"] ?? false;
            var update = action["update"];
            if (remove == (update != null))
            {
                throw new SpecToolException($"{overlayName}: action {index} ({target}) must have exactly one of 'update' or 'remove: true'.");
            }

            List<JToken> matches;
            try
            {
                matches = document.SelectTokens(target).ToList();
            }
            catch (Newtonsoft.Json.JsonException ex)
            {
                throw new SpecToolException($"{overlayName}: action {index} has an invalid JSONPath '{target}': {ex.Message}");
            }

            if (matches.Count == 0)
            {
                throw new SpecToolException($"{overlayName}: action {index} target '{target}' matches nothing in the spec; the correction is stale ({description}).");
            }

            foreach (var match in matches)
            {
                if (remove)
                {
                    Remove(match, target, overlayName);
                }
                else
                {
                    Merge(match, update!, target, overlayName);
                }
            }

            applied.Add($"{target} ({matches.Count}): {description}");
        }

        return applied;
    }

    private static void Remove(JToken match, string target, string overlayName)
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
                throw new SpecToolException($"{overlayName}: cannot remove the document root ({target}).");
        }
    }

    // Overlay 1.0: objects merge recursively, arrays get the update appended, anything else is replaced.
    private static void Merge(JToken target, JToken update, string path, string overlayName)
    {
        switch (target)
        {
            case JObject targetObject when update is JObject updateObject:
                foreach (var property in updateObject.Properties())
                {
                    if (targetObject[property.Name] is JObject or JArray && property.Value is JObject)
                    {
                        Merge(targetObject[property.Name]!, property.Value, path, overlayName);
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
                throw new SpecToolException($"{overlayName}: target '{path}' selects a {target.Type}; an update needs an object or an array.");
        }
    }
}
