using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>The per-operation test's loss check reports every lost, changed or invented JSON path, and nothing else.</summary>
[TestFixture]
public sealed class JsonLossTests
{
    [Test]
    public void LostChangedAndInventedPaths_AreAllReported()
    {
        var expected = JsonLoss.Parse("""{ "a": { "b": 1, "c": "x" }, "list": [1, 2], "items": [{ "id": 1 }] }""");
        var actual = JsonLoss.Parse("""{ "a": { "c": "y", "d": true }, "list": [1], "items": [{ "id": "1" }] }""");

        Assert.That(JsonLoss.Compare(expected, actual), Is.EquivalentTo(new[]
        {
            "lost $.a.b",
            "changed $.a.c: \"x\" became \"y\"",
            "added $.a.d",
            "changed $.list: 2 item(s) became 1",
            "changed $.items[0].id: 1 became \"1\"",
        }));
    }

    [Test]
    public void OneValueWrittenTwoWays_IsNoLoss_AndEmptyCollectionsAreNotInventions()
    {
        var expected = JsonLoss.Parse("""{ "n": 3, "x": 1.50, "at": "2026-01-02T03:04:05.678Z" }""");
        var actual = JsonLoss.Parse("""{ "n": 3.0, "x": 1.5, "at": "2026-01-02T03:04:05.678+00:00", "none": null, "labels": [], "map": {} }""");

        Assert.That(JsonLoss.Compare(expected, actual), Is.Empty);
        Assert.That(JsonLoss.Compare(JsonLoss.Parse("""{ "at": "2026-01-02T03:04:05.678Z" }"""), JsonLoss.Parse("""{ "at": "2026-01-02T03:04:05Z" }""")), Has.Count.EqualTo(1));
    }
}
