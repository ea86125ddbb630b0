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
    public void DuplicateKey_IsAnError()
    {
        var ex = Assert.Throws<YamlDotNet.Core.YamlException>(() => Load("a: 1\na: 2\n"));

        Assert.That(ex!.Message, Does.Contain("Duplicate key"));
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
