using System.IO;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

[TestFixture]
public sealed class YamlJsonTests
{
    [Test]
    public void Scalars_FollowTheYaml12CoreSchema_AndQuotedOnesStayStrings()
    {
        var json = Load("""
            plainInt: 12873488112
            plainFloat: 0.5
            plainBool: true
            plainNull: null
            plainVersion: 1.0.0
            quotedCode: '200'
            quotedRange: '-1..1'
            plainRange: 0..1
            'y': 1
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json["plainInt"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That((long)json["plainInt"]!, Is.EqualTo(12873488112L));
            Assert.That(json["plainFloat"]!.Type, Is.EqualTo(JTokenType.Float));
            Assert.That(json["plainBool"]!.Type, Is.EqualTo(JTokenType.Boolean));
            Assert.That(json["plainNull"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((string?)json["plainVersion"], Is.EqualTo("1.0.0"));
            Assert.That(json["quotedCode"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That((string?)json["quotedRange"], Is.EqualTo("-1..1"));
            Assert.That((string?)json["plainRange"], Is.EqualTo("0..1"));
        }
    }

    [Test]
    public void DuplicateKey_IsAnErrorNamingTheSourceLineAndColumn()
    {
        var ex = Assert.Throws<SpecToolException>(() => YamlJson.Parse("a: 1\nb:\n  c: 2\n  c: 3\n", "spec.yaml"));

        Assert.That(ex!.Message, Does.StartWith("spec.yaml(4,3): invalid YAML: ").And.Contain("Duplicate key"));
    }

    [Test]
    public void SyntaxError_IsAnErrorNamingTheSourceLineAndColumn()
    {
        var ex = Assert.Throws<SpecToolException>(() => YamlJson.Parse("a: 1\nb: [1, 2\nc: 3\n", "spec.yaml"));

        Assert.That(ex!.Message, Does.Match(@"^spec\.yaml\([2-4],[0-9]+\): invalid YAML"));
    }

    [Test]
    public void EveryToken_CarriesTheLineAndColumnItWasReadFrom()
    {
        var json = YamlJson.Parse("a: 1\nb:\n  - x\n  - c: 'y'\n", "spec.yaml");

        Assert.That(json.SelectToken("b[1].c")!.Annotation<SourceLocation>(), Is.EqualTo(new SourceLocation("spec.yaml", 4, 8)));
        Assert.That(json["b"]!.Annotation<SourceLocation>()!.Line, Is.EqualTo(3));
        Assert.That(SourceLocation.Of(json.SelectToken("b[1]"), "fallback"), Is.EqualTo("spec.yaml(4)"));
        Assert.That(SourceLocation.Of(new JObject(), "fallback"), Is.EqualTo("fallback"));
    }

    [Test]
    public void Aliases_ResolveToTheAnchoredValue()
    {
        var json = Load("a: &x '0..1'\nb: *x\n");

        Assert.That((string?)json["b"], Is.EqualTo("0..1"));
    }

    private static JObject Load(string yaml)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, yaml);
            return (JObject)YamlJson.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
