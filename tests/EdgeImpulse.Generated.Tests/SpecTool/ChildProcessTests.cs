using System;
using System.Diagnostics;
using EdgeImpulse.Generated.SpecTool;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>The time limit every child process the SpecTool (and the tests) start runs under.</summary>
[TestFixture]
public sealed class ChildProcessTests
{
    [Test]
    public void AProcessThatOutlivesItsLimit_IsKilledWithItsChildren_AndReportedAsTimedOut()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "uses /bin/sh");
        var clock = Stopwatch.StartNew();

        // The shell's child (sleep) holds the output pipe too: it must die with the shell for the call to return.
        var (exitCode, output, timedOut) = ChildProcess.Run(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "echo started; sleep 120; echo finished" } }, TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(timedOut, Is.True);
            Assert.That(exitCode, Is.EqualTo(-1));
            Assert.That(output, Does.Contain("started").And.Not.Contain("finished"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        });
    }

    [Test]
    public void AProcessThatFinishes_ReturnsItsExitCodeAndBothOutputs()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "uses /bin/sh");

        var (exitCode, output, timedOut) = ChildProcess.Run(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "echo out; echo err >&2; exit 3" } }, TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(timedOut, Is.False);
            Assert.That(exitCode, Is.EqualTo(3));
            Assert.That(output, Does.Contain("out").And.Contain("err"));
        });
    }
}
