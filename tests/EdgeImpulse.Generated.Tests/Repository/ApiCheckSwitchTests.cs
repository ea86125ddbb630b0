using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>
/// The public API check (RS0016/RS0017) is off in inner-loop Debug builds but on wherever a change must be caught: CI
/// (.ci/run), Release builds (the tests' build), and api-listing. That the switch really turns the analyzer on is
/// proven by UpstreamSpecTests' build, which expects RS0016 findings with EdgeImpulseApiCheck=true.
/// </summary>
[TestFixture]
public sealed class ApiCheckSwitchTests
{
    [Test]
    public void CiScript_TurnsTheCheckOnBeforeItsFirstBuild()
    {
        var script = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".ci", "run"));

        var export = script.IndexOf("\nexport EdgeImpulseApiCheck=true\n", StringComparison.Ordinal);
        Assert.That(export, Is.GreaterThan(0));
        Assert.That(export, Is.LessThan(script.IndexOf("dotnet build", StringComparison.Ordinal)));
    }

    [Test]
    public void LibraryProject_ChecksInReleaseAndCi_AndApiListingAsksForIt()
    {
        var project = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "src", "EdgeImpulse.Generated", "EdgeImpulse.Generated.csproj"));
        var apiListing = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tools", "EdgeImpulse.Generated.SpecTool", "ApiListingCommand.cs"));

        var condition = (string?)project.Root!.Descendants("EdgeImpulseApiCheck").Single().Attribute("Condition");
        Assert.That(condition, Does.Contain("'$(Configuration)' == 'Release'").And.Contain("'$(CI)' == 'true'"));
        Assert.That(apiListing, Does.Contain("\"-p:EdgeImpulseApiCheck=true\""));
    }
}
