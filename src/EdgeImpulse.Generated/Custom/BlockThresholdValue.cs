// CUSTOM: the hand-written type for BlockThreshold.value, a oneOf number | string (see corrections.overlay.yaml);
// NSwag would generate a double and fail on the string thresholds the Studio sends for some blocks.
using System;
using System.Globalization;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated;

/// <summary>A threshold value: a number (e.g. <c>0.6</c>) or a string.</summary>
[JsonConverter(typeof(BlockThresholdValueJsonConverter))]
public sealed class BlockThresholdValue : IEquatable<BlockThresholdValue>
{
    private readonly double _number;
    private readonly string? _text;

    private BlockThresholdValue(double number, string? text)
    {
        _number = number;
        _text = text;
    }

    /// <summary>Gets a value indicating whether the value is a number.</summary>
    public bool IsNumber => _text is null;

    /// <summary>Gets a value indicating whether the value is a string.</summary>
    public bool IsString => _text is not null;

    /// <summary>Creates a numeric value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static BlockThresholdValue FromNumber(double value) => new(value, null);

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static BlockThresholdValue FromString(string value) => new(0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator BlockThresholdValue(double value) => FromNumber(value);

    /// <summary>Converts a string.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator BlockThresholdValue(string value) => FromString(value);

    /// <summary>Gets the number.</summary>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidOperationException">The value is a string.</exception>
    public double AsNumber() => IsNumber ? _number : throw new InvalidOperationException($"The threshold value is the string \"{_text}\", not a number.");

    /// <summary>Gets the string.</summary>
    /// <returns>The string.</returns>
    /// <exception cref="InvalidOperationException">The value is a number.</exception>
    public string AsString() => _text ?? throw new InvalidOperationException($"The threshold value is the number {ToString()}, not a string.");

    /// <inheritdoc />
    public bool Equals(BlockThresholdValue? other) =>
        other is not null && string.Equals(_text, other._text, StringComparison.Ordinal) && (_text is not null || _number.Equals(other._number));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BlockThresholdValue);

    /// <inheritdoc />
    public override int GetHashCode() => _text is null ? _number.GetHashCode() : StringComparer.Ordinal.GetHashCode(_text);

    /// <inheritdoc />
    public override string ToString() => _text ?? _number.ToString("R", CultureInfo.InvariantCulture);

    private sealed class BlockThresholdValueJsonConverter : JsonConverter<BlockThresholdValue>
    {
        public override BlockThresholdValue? ReadJson(JsonReader reader, Type objectType, BlockThresholdValue? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            reader.TokenType switch
            {
                JsonToken.Null => null,
                JsonToken.Integer or JsonToken.Float => FromNumber(Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture)),
                JsonToken.String => FromString((string)reader.Value!),
                _ => throw new JsonSerializationException($"Expected a number or a string for a threshold value but found {reader.TokenType} at '{reader.Path}'."),
            };

        public override void WriteJson(JsonWriter writer, BlockThresholdValue? value, JsonSerializer serializer)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else if (value.IsNumber)
            {
                writer.WriteValue(value._number);
            }
            else
            {
                writer.WriteValue(value._text);
            }
        }
    }
}
