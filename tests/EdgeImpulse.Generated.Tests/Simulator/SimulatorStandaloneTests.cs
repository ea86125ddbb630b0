using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>The simulator as its own process, as the package smoke test runs it.</summary>
[TestFixture]
public sealed class SimulatorStandaloneTests
{
    [Test]
    public async Task Standalone_PrintsItsBaseUrl_AndServesTheClient()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "EdgeImpulse.Generated.Simulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { assembly, "--port", "0", "--api-key", "ei_standalone_test_key", "--fast" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(bound.Token);
            Assert.That(line, Does.Match(@"listening on http://127\.0\.0\.1:\d+/v1$"), await StandardErrorIfExitedAsync(process));

            using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = new Uri(line!.Split(' ').Last()), ApiKey = "ei_standalone_test_key" });
            var impulse = await client.Impulse.GetImpulseAsync(52187, cancellationToken: bound.Token);

            Assert.That(impulse.Impulse!.LearnBlocks.Select(b => b.Id), Does.Contain(4));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            using var exitBound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exitBound.Token);
        }
    }

    [Test]
    public async Task Standalone_RejectsUnknownArguments()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EdgeImpulse.Generated.Simulator.dll"));
        start.ArgumentList.Add("--colour");

        using var process = Process.Start(start)!;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // only stops a hung process from hanging the run
        string error;
        try
        {
            error = await process.StandardError.ReadToEndAsync(bound.Token);
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Unknown argument '--colour'"));
        }
    }

    private static async Task<string> StandardErrorIfExitedAsync(Process process) =>
        process.HasExited ? await process.StandardError.ReadToEndAsync() : "(still running)";
}
