using Newtonsoft.Json;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>Deserializes fixtures exactly as the client does (same settings, same converters).</summary>
internal static class FixtureJson
{
    public static T Read<T>(string relativePath) =>
        JsonConvert.DeserializeObject<T>(TestPaths.ReadFixture(relativePath), ApiConnection.SerializerSettings)
        ?? throw new JsonSerializationException($"{relativePath} deserialized to null.");
}
