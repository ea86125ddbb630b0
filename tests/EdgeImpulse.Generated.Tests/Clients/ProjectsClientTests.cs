using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>Wire-level tests of <see cref="ProjectsClient"/>'s listVersions: the project's versions, newest first.</summary>
[TestFixture]
public sealed class ProjectsClientTests
{
    private const int ProjectId = 52187;
    private const string Fixture = "Projects/listVersions.success.json";

    [Test]
    public async Task ListVersions_SendsGetToTheProjectsVersions()
    {
        var (_, request) = await SendAsync(Fixture, c => c.Projects.ListVersionsAsync(ProjectId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/versions", string.Empty);
    }

    [Test]
    public async Task ListVersions_ReadsTheVersionsAndTheNextNumber()
    {
        var (response, _) = await SendAsync(Fixture, c => c.Projects.ListVersionsAsync(ProjectId));

        var latest = response.Versions[0];
        var published = response.Versions[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.NextVersion, Is.EqualTo(3));
            Assert.That(response.RunModelTestingWhileVersioning, Is.False);
            Assert.That(response.CustomLearnBlocks, Is.Empty);
            Assert.That(response.Versions.Select(v => v.Version), Is.EqualTo(new int?[] { 2, 1 }));
            Assert.That(latest.Description, Is.EqualTo("Spectral features, 30 training cycles"));
            Assert.That(latest.Bucket!.Path, Is.EqualTo("/projects/52187/versions/2"));
            Assert.That(latest.Created, Is.EqualTo(new DateTimeOffset(2026, 1, 14, 9, 47, 31, 6, TimeSpan.Zero)));
            Assert.That(latest.TrainingAccuracy, Is.EqualTo(0.9734));
            Assert.That(latest.TestAccuracy, Is.EqualTo(0.9511));
            Assert.That(latest.TotalSamplesCount, Is.EqualTo("80"), "a string in the spec");
            Assert.That(latest.PublicProjectId, Is.Null);
            Assert.That(published.PublicProjectId, Is.EqualTo(412236));
            Assert.That(published.License, Is.EqualTo(PublicProjectLicense.Apache20));
        }
    }
}
