using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// Marks every operation with a multipart/form-data body with <c>x-form-required</c>: the names of the form fields its
/// schema requires. NSwag turns each form property into an optional method parameter whatever the schema's
/// <c>required</c> says; the client template reads this list to make those parameters required (non-nullable, before
/// the optional ones, checked before sending). Not specific to any API.
/// </summary>
internal static class FormRequiredRule
{
    public const string Extension = "x-form-required";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Sets the extension on every multipart operation; returns how many operations it marked.</summary>
    public static int Apply(JObject document)
    {
        var marked = 0;
        foreach (var operation in Operations(document))
        {
            var body = Resolve(document, operation["requestBody"]);
            if (Resolve(document, body?["content"]?["multipart/form-data"]?["schema"]) is not JObject schema)
            {
                continue;
            }

            var properties = Properties(document, schema);
            var required = Required(document, schema).Where(properties.Contains).Distinct(StringComparer.Ordinal).ToList();
            operation[Extension] = new JArray(required);
            marked++;
        }

        return marked;
    }

    // A form schema may be composed (allOf): its properties and required names are those of all its members.
    private static HashSet<string> Properties(JObject document, JObject schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (schema["properties"] is JObject properties)
        {
            names.UnionWith(properties.Properties().Select(p => p.Name));
        }

        foreach (var member in (schema["allOf"] as JArray ?? []).Select(m => Resolve(document, m)).OfType<JObject>())
        {
            names.UnionWith(Properties(document, member));
        }

        return names;
    }

    private static IEnumerable<string> Required(JObject document, JObject schema)
    {
        foreach (var name in (schema["required"] as JArray ?? []).Values<string>().OfType<string>())
        {
            yield return name;
        }

        foreach (var member in (schema["allOf"] as JArray ?? []).Select(m => Resolve(document, m)).OfType<JObject>())
        {
            foreach (var name in Required(document, member))
            {
                yield return name;
            }
        }
    }

    // Follows a local $ref (#/components/...) to what it names; anything else is returned as it is.
    private static JToken? Resolve(JObject document, JToken? token)
    {
        for (var hops = 0; token is JObject { } reference && reference["$ref"] is JValue { Value: string target } && hops < 32; hops++)
        {
            if (!target.StartsWith("#/", StringComparison.Ordinal))
            {
                return token;
            }

            token = document.SelectToken("$" + string.Concat(target[2..].Split('/').Select(part => $"['{part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)}']")));
        }

        return token;
    }

    private static IEnumerable<JObject> Operations(JObject document)
    {
        foreach (var item in (document["paths"] as JObject)?.Properties().Select(p => p.Value).OfType<JObject>() ?? [])
        {
            foreach (var method in Methods)
            {
                if (item[method] is JObject operation)
                {
                    yield return operation;
                }
            }
        }
    }
}
