// CUSTOM: the contract and the single JSON converter behind every generated extensible enum (Templates/Enum.liquid).
using System;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated;

/// <summary>An open string enum: known values as static members, and any other server value kept as is.</summary>
/// <typeparam name="TSelf">The enum struct itself.</typeparam>
public interface IExtensibleEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>Gets the value as sent on the wire.</summary>
    string Value { get; }

    /// <summary>Gets a value indicating whether this client was generated with this value.</summary>
    bool IsKnown { get; }

    /// <summary>Creates the enum from its wire value.</summary>
    /// <param name="value">The wire value; any string is accepted.</param>
    /// <returns>The enum value.</returns>
    static abstract TSelf FromValue(string value);
}

/// <summary>Reads and writes an extensible enum as its plain wire string.</summary>
/// <typeparam name="T">The enum struct.</typeparam>
public sealed class ExtensibleEnumJsonConverter<T> : JsonConverter
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null when objectType == typeof(T?):
                return null;
            case JsonToken.String:
                return T.FromValue((string)reader.Value!);
            default:
                throw new JsonSerializationException($"Expected a string for {typeof(T).Name} but found {reader.TokenType} at '{reader.Path}'.");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is T typed)
        {
            writer.WriteValue(typed.Value);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
