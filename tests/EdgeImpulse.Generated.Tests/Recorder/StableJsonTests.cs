using System.IO;
using System.Linq;
using EdgeImpulse.Generated.Recorder;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Recorder;

[TestFixture]
public sealed class StableJsonTests
{
    [Test]
    public void Normalize_SortsKeysOrdinally_AtEveryDepth_AndKeepsArrayOrder()
    {
        var result = StableJson.Normalize(StableJson.Parse("""{ "b": [ { "z": 1, "a": 2 }, 3, 1 ], "a": { "y": 1, "B": 2, "_": 3 }, "A": 0 }"""));

        Assert.That(result.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"A":0,"a":{"B":2,"_":3,"y":1},"b":[{"a":2,"z":1},3,1]}"""));
    }

    [Test]
    public void Normalize_PutsTheEnvelope_SuccessThenError_FirstAtTheTopLevelOnly()
    {
        var result = StableJson.Normalize(StableJson.Parse("""{ "b": 1, "error": "x", "a": { "success": true, "error": 2, "b": 3 }, "success": false }"""));

        Assert.That(result.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"success":false,"error":"x","a":{"b":3,"error":2,"success":true},"b":1}"""));
    }

    [Test]
    public void Normalize_PutsIntegerKeys_FirstAndInNumericOrder_AsJavaScriptWritesThem()
    {
        var result = StableJson.Normalize(StableJson.Parse("""{ "X": { "12": 1, "b": 2, "6": 3, "0": 4, "06": 5, "-1": 6, "4294967295": 7, "4294967294": 8 } }"""));

        Assert.That(((JObject)result["X"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "0", "6", "12", "4294967294", "-1", "06", "4294967295", "b" }));
    }

    [TestCase("2026-01-14T10:40:02.114+01:00", "2026-01-14T09:40:02.114Z")]
    [TestCase("2026-01-14T09:40:02Z", "2026-01-14T09:40:02.000Z")]
    [TestCase("2026-01-14T09:40:02.1234567Z", "2026-01-14T09:40:02.123Z")]
    [TestCase("2026-01-13T22:10-03:00", "2026-01-14T01:10:00.000Z")]
    [TestCase("2026-01-14T09:40:02.12345678Z", "2026-01-14T09:40:02.123Z")] // 8 and 9 digits (nanoseconds): truncated, not rounded
    [TestCase("2026-01-14T10:40:02.999999999+01:00", "2026-01-14T09:40:02.999Z")]
    [TestCase("2026-01-14T09:40:02", "2026-01-14T09:40:02")] // no zone: the instant is unknown
    [TestCase("2026-01-14", "2026-01-14")]
    [TestCase("created 2026-01-14T09:40:02Z", "created 2026-01-14T09:40:02Z")]
    [TestCase("2026-13-45T09:40:02Z", "2026-13-45T09:40:02Z")] // looks like a date, is not one
    public void NormalizeDateTime_WritesUtcWithMilliseconds_OnlyForDateTimesWithAZone(string input, string expected) =>
        Assert.That(StableJson.NormalizeDateTime(input), Is.EqualTo(expected));

    [Test]
    public void Parse_KeepsDatesAsStrings_AndIntegersAsIntegers()
    {
        var json = StableJson.Parse("""{ "created": "2026-01-14T09:40:02.114Z", "id": 12873488112, "hz": 62.5, "ms": 16 }""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json["created"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That(json["id"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That(json["hz"]!.Type, Is.EqualTo(JTokenType.Float));
            Assert.That(json["ms"]!.Type, Is.EqualTo(JTokenType.Integer));
        }
    }

    [Test]
    public void Format_WritesNumbersAsDoubles_InTheShortestFormThatReadsBack_NotAsTheWireWroteThem()
    {
        // The README says so: a re-recorded 1.50 shows as 1.5 in the diff, without a change of value.
        var text = StableJson.Format(StableJson.Parse("""{ "a": 1.50, "b": 0.00001, "c": 1e3, "d": 12873488112, "e": -0.0, "f": 0.1 }"""));

        Assert.That(text, Is.EqualTo("{\n  \"a\": 1.5,\n  \"b\": 1E-05,\n  \"c\": 1000.0,\n  \"d\": 12873488112,\n  \"e\": -0.0,\n  \"f\": 0.1\n}\n"));
    }

    [Test]
    public void Parse_RejectsTrailingContent() =>
        Assert.Throws<Newtonsoft.Json.JsonReaderException>(() => StableJson.Parse("""{ "a": 1 } { "b": 2 }"""));

    [Test]
    public void Format_WritesTwoSpaceIndent_LfLineEnds_NumbersInline_AndAFinalNewline()
    {
        var text = StableJson.Format(StableJson.Parse("""
            {"values":[[-4.82,0.27,8.82],[1,2,3]],"labels":["idle","wave"],"empty":{},"none":[],"s":"a\"b","n":null,
             "long":["aaaaaaaaaaaaaaaaaaaa","bbbbbbbbbbbbbbbbbbbb","cccccccccccccccccccc","dddddddddddddddddddd","eeeeeeeeeeeeeeeeeeee"]}
            """));

        Assert.That(text, Is.EqualTo(
            "{\n" +
            "  \"empty\": {},\n" +
            "  \"labels\": [\"idle\", \"wave\"],\n" +
            "  \"long\": [\n" +
            "    \"aaaaaaaaaaaaaaaaaaaa\",\n" +
            "    \"bbbbbbbbbbbbbbbbbbbb\",\n" +
            "    \"cccccccccccccccccccc\",\n" +
            "    \"dddddddddddddddddddd\",\n" +
            "    \"eeeeeeeeeeeeeeeeeeee\"\n" +
            "  ],\n" +
            "  \"n\": null,\n" +
            "  \"none\": [],\n" +
            "  \"s\": \"a\\\"b\",\n" +
            "  \"values\": [\n" +
            "    [-4.82, 0.27, 8.82],\n" +
            "    [1, 2, 3]\n" +
            "  ]\n" +
            "}\n"));
    }

    [Test]
    public void Format_KeepsNaNAndInfinity_AsNumbers_NotStrings()
    {
        var text = StableJson.Format(StableJson.Parse("""{ "v": [NaN, Infinity, -Infinity, -0.0], "x": NaN }"""));
        var reread = StableJson.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Is.EqualTo("{\n  \"v\": [NaN, Infinity, -Infinity, -0.0],\n  \"x\": NaN\n}\n"));
            Assert.That(reread["v"]!.Select(v => v.Type), Is.All.EqualTo(JTokenType.Float));
            Assert.That(reread["x"]!.Type, Is.EqualTo(JTokenType.Float));
        }
    }

    [Test]
    public void EveryAuthoredFixture_SurvivesFormatting_WithoutLosingAValue_AndFormatsTheSameTwice()
    {
        var fixtures = Directory.GetFiles(TestPaths.Fixtures, "*.json", SearchOption.AllDirectories);
        Assert.That(fixtures, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var path in fixtures)
            {
                var original = StableJson.Parse(File.ReadAllText(path));
                var formatted = StableJson.Format(original);

                Assert.That(StableJson.Parse(formatted), Is.EqualTo(StableJson.Normalize(original)).Using<JToken>(JToken.DeepEquals), path);
                Assert.That(StableJson.Format(StableJson.Parse(formatted)), Is.EqualTo(formatted), path);
                Assert.That(formatted.Count(c => c == '\n'), Is.GreaterThan(1), path);
            }
        }
    }
}
