using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

[TestFixture]
public sealed class YamlWriterTests
{
    [TestCase("200")]
    [TestCase("true")]
    [TestCase("null")]
    [TestCase("")]
    [TestCase("~")]
    [TestCase("y")]
    [TestCase("no")]
    [TestCase("0..1")]
    [TestCase("-1..1")]
    [TestCase("1.0.0")]
    [TestCase("12873488112")]
    [TestCase(".inf")]
    [TestCase("- leading dash")]
    [TestCase("key: value")]
    [TestCase("# not a comment")]
    [TestCase("  padded  ")]
    [TestCase("it's 'quoted'")]
    [TestCase("line one\nline two")]
    [TestCase("ends with a newline\n")]
    [TestCase("ends with two\n\n")]
    [TestCase("\nstarts with one")]
    [TestCase("control \u001c characters \u001d")]
    [TestCase("tab\tand unicode ✓")]
    public void String_ReadsBackAsTheSameString(string text)
    {
        var document = new JObject { [text] = text, ["list"] = new JArray(text) };

        var yaml = YamlWriter.Write(document, "header");

        var read = YamlJson.Parse(yaml, "test");
        Assert.That(read[text]?.Type, Is.EqualTo(JTokenType.String), yaml);
        Assert.That(JToken.DeepEquals(read, document), Is.True, yaml);
    }

    [Test]
    public void Numbers_Booleans_Null_AndEmptyContainers_KeepTheirJsonTypes()
    {
        var document = JObject.Parse("""
            { "int": 12873488112, "negative": -3, "float": 0.5, "wholeFloat": 1.0, "tiny": 1E-05, "yes": true, "no": false, "nothing": null, "emptyObject": { }, "emptyArray": [ ] }
            """);

        var read = YamlJson.Parse(YamlWriter.Write(document, "header"), "test");

        Assert.That(JToken.DeepEquals(read, document), Is.True);
        Assert.That(read.Children<JProperty>().Select(p => p.Value.Type), Is.EqualTo(document.Children<JProperty>().Select(p => p.Value.Type)));
    }

    [Test]
    public void Output_StartsWithTheHeaderAsComments_UsesLf_AndNeverWrapsLongLines()
    {
        var description = string.Join(" ", Enumerable.Repeat("a fairly long description", 20));

        var yaml = YamlWriter.Write(new JObject { ["description"] = description }, "first line\n\nthird line");

        Assert.That(yaml, Does.StartWith("# first line\n#\n# third line\ndescription: " + description + "\n"));
        Assert.That(yaml, Does.Not.Contain("\r"));
    }

    [Test]
    public void SequencesAreIndentedUnderTheirKey_LikeTheVendoredSpec()
    {
        var yaml = YamlWriter.Write(JObject.Parse("""{ "servers": [ { "url": "https://studio.edgeimpulse.com/v1" } ] }"""), "h");

        Assert.That(yaml, Does.EndWith("servers:\n  - url: https://studio.edgeimpulse.com/v1\n"));
    }

    [Test]
    public void VendoredSpec_RoundTripsThroughTheWriter()
    {
        var spec = YamlJson.Load(TestPaths.Spec);

        var read = YamlJson.Parse(YamlWriter.Write(spec, "header"), "written");

        Assert.That(JToken.DeepEquals(read, spec), Is.True);
    }
}
