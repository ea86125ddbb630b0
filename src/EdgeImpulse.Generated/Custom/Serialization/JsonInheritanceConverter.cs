// CUSTOM: replaces NSwag's generated JsonInheritanceConverter (nswag.json excludedTypeNames). The generated base class
// of typed variants (the SpecTool's discriminated-union-variants rule) names it with its discriminator property; it
// reads each payload as the variant its discriminator names and writes the discriminator from the variant's type.
// Unlike the stock one it keeps a discriminator value this client does not know (the payload reads as the base class,
// the value in its AdditionalProperties, so a round trip loses nothing), does not fail writing such a value back,
// and is nullable-annotated (warnings are errors here).
using System;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated;

internal sealed class JsonInheritanceConverter(string discriminatorName) : JsonConverter
{
    // Set while this converter serializes a value itself, so that the value's own [JsonConverter] (this one) steps
    // aside for that one object; nested variants still come through here.
    [ThreadStatic]
    private static bool _writingItself;

    public string DiscriminatorName { get; } = discriminatorName;

    public override bool CanConvert(Type objectType) => true;

    public override bool CanWrite
    {
        get
        {
            if (_writingItself)
            {
                _writingItself = false;
                return false;
            }

            return true;
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var json = JObject.Load(reader);
        var discriminator = json[DiscriminatorName] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        var variant = discriminator is null ? null : Variant(objectType, discriminator);
        if (variant is not null)
        {
            json.Remove(DiscriminatorName); // the type says it; an unknown value stays, for AdditionalProperties
        }

        var type = variant ?? objectType;
        var contract = serializer.ContractResolver.ResolveContract(type);
        var target = contract.DefaultCreator?.Invoke()
            ?? throw new JsonSerializationException($"Cannot create {type.Name} for '{reader.Path}' (no parameterless constructor).");

        // Populate, unlike Deserialize, does not consult the type's own converter (this one) again.
        using var content = json.CreateReader();
        serializer.Populate(content, target);
        return target;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        JObject json;
        try
        {
            _writingItself = true;
            json = JObject.FromObject(value, serializer);
        }
        finally
        {
            _writingItself = false;
        }

        if (Discriminator(value.GetType()) is { } key)
        {
            json.Remove(DiscriminatorName);
            json.AddFirst(new JProperty(DiscriminatorName, key));
        }

        json.WriteTo(writer);
    }

    private static Type? Variant(Type objectType, string discriminator) =>
        objectType.GetCustomAttributes<JsonInheritanceAttribute>(inherit: true)
            .FirstOrDefault(a => string.Equals(a.Key, discriminator, StringComparison.Ordinal) && objectType.IsAssignableFrom(a.Type))?.Type;

    // The variant's discriminator value; none for the base class itself (an unknown variant keeps its own value).
    private static string? Discriminator(Type type) =>
        type.GetCustomAttributes<JsonInheritanceAttribute>(inherit: true).FirstOrDefault(a => a.Type == type)?.Key;
}
