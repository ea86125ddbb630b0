using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>EdgeImpulseApiException.RetryAfter: read from a failed response's Retry-After header, in either form.</summary>
[TestFixture]
public sealed class RetryAfterTests
{
    [Test]
    public async Task DelaySeconds_AreReadAsATimeSpan()
    {
        var ex = await FailWithAsync(503, "12");

        Assert.That((ex.Status, ex.RetryAfter), Is.EqualTo((503, (TimeSpan?)TimeSpan.FromSeconds(12))));
    }

    [Test]
    public async Task HttpDate_IsReadAsTheTimeUntilThen()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(10).ToString("r", CultureInfo.InvariantCulture);

        var ex = await FailWithAsync(429, at);

        Assert.That(ex.RetryAfter, Is.GreaterThan(TimeSpan.FromMinutes(8)).And.LessThanOrEqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task HttpDateInThePast_IsZero()
    {
        var ex = await FailWithAsync(429, "Wed, 14 Jan 2026 09:40:02 GMT");

        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(null)]
    [TestCase("soon")]
    public async Task MissingOrUnreadableHeader_IsNull(string? header)
    {
        var ex = await FailWithAsync(503, header);

        Assert.That(ex.RetryAfter, Is.Null);
    }

    private static async Task<EdgeImpulseApiException> FailWithAsync(int status, string? retryAfter)
    {
        await using var server = LoopbackServer.Start();
        var headers = retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter };
        server.Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"Slow down\"}", status) with { Headers = headers });
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(52187, 1847312964, CancellationToken.None));
        return ex!;
    }
}
