using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>Wire-level tests of <see cref="RawDataClient"/>'s listSamples: the filter query it sends, the samples it reads.</summary>
[TestFixture]
public sealed class RawDataClientTests
{
    private const int ProjectId = 52187;
    private const string Fixture = "RawData/listSamples.success.json";

    [Test]
    public async Task ListSamples_SendsTheCategoryAndOnlyTheFiltersSet()
    {
        var (_, bare) = await SendAsync(Fixture, c => c.RawData.ListSamplesAsync(ProjectId, RawDataFilterCategory.Training, cancellationToken: CancellationToken.None));
        var (_, filtered) = await SendAsync(Fixture, c => c.RawData.ListSamplesAsync(ProjectId, RawDataFilterCategory.All, limit: 2, offset: 10, excludeSensors: true, labels: "[\"idle\",\"wave\"]"));

        AssertRequest(bare, "GET", "/v1/api/52187/raw-data", "category=training");
        AssertRequest(filtered, "GET", "/v1/api/52187/raw-data", "category=all&limit=2&offset=10&excludeSensors=true&labels=%5b%22idle%22%2c%22wave%22%5d");
    }

    [Test]
    public async Task ListSamples_ReadsEachSampleAndTheTotal()
    {
        var (response, _) = await SendAsync(Fixture, c => c.RawData.ListSamplesAsync(ProjectId, RawDataFilterCategory.Training, limit: 2));

        var wave = response.Samples[0];
        var idle = response.Samples[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.TotalCount, Is.EqualTo(64), "all matches, not the page");
            Assert.That(response.Samples.Select(s => s.Id), Is.EqualTo(new long?[] { 748301546, 748301492 }));
            Assert.That(wave.Label, Is.EqualTo("wave"));
            Assert.That(idle.Label, Is.EqualTo("idle"));
            Assert.That(wave.Category, Is.EqualTo(RawDataCategory.Training));
            Assert.That(wave.Filename, Is.EqualTo("wave.6td9pbaf.json"));
            Assert.That(wave.Frequency, Is.EqualTo(62.5));
            Assert.That(wave.ValuesCount, Is.EqualTo(625));
            Assert.That(wave.TotalLengthMs, Is.EqualTo(10000));
            Assert.That(wave.Sensors.Select(s => s.Name), Is.EqualTo(new[] { "accX", "accY", "accZ" }));
            Assert.That(wave.Sensors.Select(s => s.Units).Distinct(), Is.EqualTo(new[] { "m/s2" }));
            Assert.That(wave.Metadata, Does.ContainKey("session").WithValue("desk-2026-01-12"));
            Assert.That(wave.Created, Is.EqualTo(new DateTimeOffset(2026, 1, 12, 16, 51, 26, TimeSpan.Zero)));
            Assert.That(wave.IsDisabled, Is.False);
            Assert.That(wave.ProjectId, Is.EqualTo(ProjectId));
            Assert.That(wave.SignatureKey, Is.EqualTo("REDACTED"), "sanitized as recorded");
        }
    }
}
