// CUSTOM: replaces the generated type for the BlockParameters oneOf (Patchcore | GMM), which NSwag cannot
// express: no discriminator, both variants all-optional. The variant is chosen by the fields only Patchcore
// has; the raw JSON is kept so a round trip loses nothing, including fields neither variant knows.
using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated;

/// <summary>Which variant a <see cref="BlockParameters"/> value is.</summary>
public enum BlockParametersVariant
{
    /// <summary>Visual anomaly detection with GMM (only a backbone).</summary>
    Gmm,

    /// <summary>Visual anomaly detection with PatchCore.</summary>
    Patchcore,
}

/// <summary>
/// Training parameters specific to the learn block type: either <see cref="BlockParamsVisualAnomalyPatchcore"/>
/// or <see cref="BlockParamsVisualAnomalyGmm"/>.
/// </summary>
/// <remarks>
/// The wire format has no discriminator. A payload with any field that only Patchcore defines is Patchcore;
/// anything else (e.g. only <c>backbone</c>) reads as GMM, because the two cannot be told apart.
/// </remarks>
[JsonConverter(typeof(BlockParametersJsonConverter))]
public sealed class BlockParameters
{
    private static readonly IReadOnlyList<string> PatchcoreOnlyFields =
        JsonNames(typeof(BlockParamsVisualAnomalyPatchcore)).Except(JsonNames(typeof(BlockParamsVisualAnomalyGmm)), StringComparer.Ordinal).ToArray();

    private readonly JObject _json;

    private BlockParameters(JObject json)
    {
        _json = json;
    }

    /// <summary>Gets the variant, decided by the fields present.</summary>
    public BlockParametersVariant Variant =>
        PatchcoreOnlyFields.Any(_json.ContainsKey) ? BlockParametersVariant.Patchcore : BlockParametersVariant.Gmm;

    /// <summary>Gets the feature-extraction backbone, which both variants have.</summary>
    public string? Backbone => _json["backbone"]?.Type == JTokenType.String ? (string?)_json["backbone"] : null;

    /// <summary>Creates the Patchcore variant.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The value.</returns>
    public static BlockParameters FromPatchcore(BlockParamsVisualAnomalyPatchcore parameters) => FromObject(parameters);

    /// <summary>Creates the GMM variant.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The value.</returns>
    public static BlockParameters FromGmm(BlockParamsVisualAnomalyGmm parameters) => FromObject(parameters);

    /// <summary>Wraps raw JSON, e.g. for parameters of a variant this client does not know yet.</summary>
    /// <param name="json">A JSON object; it is copied.</param>
    /// <returns>The value.</returns>
    public static BlockParameters FromJson(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new BlockParameters((JObject)json.DeepClone());
    }

    /// <summary>Reads the value as Patchcore parameters, if it is that variant.</summary>
    /// <param name="parameters">A copy of the parameters (changing it does not change this value); null when the value is another variant.</param>
    /// <returns>Whether the value is the Patchcore variant.</returns>
    public bool TryGetPatchcore([NotNullWhen(true)] out BlockParamsVisualAnomalyPatchcore? parameters) => TryGet(BlockParametersVariant.Patchcore, out parameters);

    /// <summary>Reads the value as GMM parameters, if it is that variant.</summary>
    /// <param name="parameters">A copy of the parameters (changing it does not change this value); null when the value is another variant.</param>
    /// <returns>Whether the value is the GMM variant.</returns>
    public bool TryGetGmm([NotNullWhen(true)] out BlockParamsVisualAnomalyGmm? parameters) => TryGet(BlockParametersVariant.Gmm, out parameters);

    /// <summary>Returns a copy of the JSON exactly as received or built.</summary>
    /// <returns>The JSON object.</returns>
    public JObject ToJson() => (JObject)_json.DeepClone();

    /// <inheritdoc />
    public override string ToString() => _json.ToString(Formatting.None);

    private static BlockParameters FromObject(object parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new BlockParameters(JObject.FromObject(parameters, ApiConnection.Serializer));
    }

    private static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName).OfType<string>();

    private bool TryGet<T>(BlockParametersVariant variant, [NotNullWhen(true)] out T? parameters)
        where T : class, new()
    {
        if (Variant != variant)
        {
            parameters = null;
            return false;
        }

        // A Try method never throws: JSON of the right variant whose values do not fit the type reads as "not this variant".
        try
        {
            parameters = _json.ToObject<T>(ApiConnection.Serializer) ?? new T();
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            parameters = null!;
            return false;
        }
    }

    private sealed class BlockParametersJsonConverter : JsonConverter<BlockParameters>
    {
        public override BlockParameters? ReadJson(JsonReader reader, Type objectType, BlockParameters? existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            var token = JToken.ReadFrom(reader);
            return token.Type switch
            {
                JTokenType.Null => null,
                JTokenType.Object => new BlockParameters((JObject)token),
                _ => throw new JsonSerializationException($"Expected an object for blockParameters but found {token.Type} at '{reader.Path}'."),
            };
        }

        public override void WriteJson(JsonWriter writer, BlockParameters? value, JsonSerializer serializer)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                value._json.WriteTo(writer);
            }
        }
    }
}
