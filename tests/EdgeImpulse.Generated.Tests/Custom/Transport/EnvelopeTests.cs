using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>Only <c>"success": true</c> is success: every other value, or an error text without it, fails typed.</summary>
[TestFixture]
public sealed class EnvelopeTests
{
    [TestCase("{\"success\":\"false\",\"dependencies\":{}}", TestName = "Success_StringFalse")]
    [TestCase("{\"success\":\"true\"}", TestName = "Success_StringTrue")]
    [TestCase("{\"success\":0}", TestName = "Success_Zero")]
    [TestCase("{\"success\":1}", TestName = "Success_One")]
    [TestCase("{\"success\":null}", TestName = "Success_Null")]
    [TestCase("{\"success\":false}", TestName = "Success_FalseWithoutErrorText")]
    [TestCase("{\"error\":\"Project is locked\"}", TestName = "ErrorText_WithoutSuccess")]
    [TestCase("{\"success\":\"yes\",\"error\":\"Project is locked\"}", TestName = "ErrorText_WithStringSuccess")]
    public async Task EnvelopeThatIsNotSuccessTrue_FailsTyped(string body)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json(body));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(1, 2));

        Assert.That(ex!.Status, Is.EqualTo(200));
        Assert.That(ex.OperationId, Is.EqualTo("getKeras"));
    }

    [Test]
    public async Task ErrorTextWithSuccessTrue_IsASuccess()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":true,\"error\":\"informational\",\"impulse\":{}}"));
        using var client = server.CreateClient();

        var response = await client.Impulse.GetImpulseAsync(1);

        Assert.That(response.Success, Is.True);
    }
}
