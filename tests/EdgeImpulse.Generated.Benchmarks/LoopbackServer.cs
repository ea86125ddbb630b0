// Starts the loopback server (tests/EdgeImpulse.Generated.Benchmarks.Server) as its own process, so none of its
// allocations or GC work lands in the process being measured, and stops it again.
using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace EdgeImpulse.Generated.Benchmarks;

internal sealed class LoopbackServer : IDisposable
{
    private readonly Process _process;

    private LoopbackServer(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Gets or sets the rows (of 1024 float32) of the big .npy download: 65536 (256 MiB); the smoke run makes it small.</summary>
    public static int NpyRows { get; set; } = 65536;

    /// <summary>Gets the API root, e.g. http://127.0.0.1:41234/v1/ (with the trailing slash).</summary>
    public Uri BaseUrl { get; }

    public static LoopbackServer Start()
    {
        var assembly = typeof(LoopbackServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--npy-rows");
        start.ArgumentList.Add(NpyRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        // It prints "listening on <url>" once Kestrel is bound to its free port.
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening on ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The loopback server did not start (it said: {line ?? "nothing"}). Build it first: {assembly}");
        }

        return new LoopbackServer(process, new Uri(line["listening on ".Length..].TrimEnd('/') + "/v1/"));
    }

    public void Dispose()
    {
        // Closing its standard input stops it; kill it if it does not stop promptly.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
