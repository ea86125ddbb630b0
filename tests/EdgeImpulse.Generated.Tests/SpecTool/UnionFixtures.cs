using System.Collections.Generic;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>The union rules' fixture specs (Fixtures/SpecTool/unions, one scenario each), loaded and run through the rules.</summary>
internal static class UnionFixtures
{
    public static (JObject Spec, IReadOnlyList<NormalizationChange> Changes) Apply(string scenario)
    {
        var spec = (JObject)YamlJson.Load(TestPaths.Fixture($"SpecTool/unions/{scenario}.yaml"));
        return (spec, UnionRules.Apply(spec));
    }

    public static JObject Schema(JObject spec, string name) => (JObject)spec.SelectToken($"components.schemas.{name}")!;

    public static string[] Names(JToken? array) => array is JArray items ? items.Values<string>().OfType<string>().ToArray() : [];
}
