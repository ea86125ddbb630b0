using System.Collections.Generic;
using System.Linq;
using System.Text;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>Tests of <see cref="JsonRequestBody"/>: the bytes are exactly the UTF-8 of what JsonConvert writes with the client's settings.</summary>
[TestFixture]
public sealed class JsonRequestBodyTests
{
    public static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData(JsonConvert.DeserializeObject<SetKerasParameterRequest>(TestPaths.ReadFixture("Learn/setKeras.request.json"))!)
            .SetName("setKeras recorded request");

        // Past the first pooled buffer (4096 characters), with characters of two, three and four UTF-8 bytes.
        var config = Enumerable.Range(0, 400).ToDictionary(i => $"key{i}", i => $"värde €{i} 🙂 \"quoted\" \\ \n");
        yield return new TestCaseData(new DspConfigRequest { Config = config }).SetName("large DSP config with non-ASCII text and escapes");
        yield return new TestCaseData(new DspConfigRequest { Config = new Dictionary<string, string>() }).SetName("empty DSP config");
    }

    [TestCaseSource(nameof(Bodies))]
    public void ToUtf8_IsTheUtf8OfJsonConvert(object body)
    {
        var expected = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(body, ApiConnection.SerializerSettings));

        Assert.That(JsonRequestBody.ToUtf8(body), Is.EqualTo(expected));
    }
}
