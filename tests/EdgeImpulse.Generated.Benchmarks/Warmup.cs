// Runs every competitor's code paths many times before BenchmarkDotNet measures anything. The benchmarks run in one
// process (in-process toolchain), where tiered JIT compilation of code the competitors share (HttpClient, Newtonsoft)
// would otherwise favour whichever benchmark runs later: the first one measured would pay for the tier-up.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Benchmarks;

internal static class Warmup
{
    private const int Calls = 60;

    public static async Task RunAsync()
    {
        Console.WriteLine($"Warm-up: every benchmark's code path {Calls} times, then a pause for tiered compilation...");
        var api = new ApiBenchmarks();
        api.Setup();
        try
        {
            for (var i = 0; i < Calls; i++)
            {
                await api.DspConfigFloor();
                await api.DspConfigLibrary();
                await api.DspConfigStock();
                await api.KerasFloor();
                await api.KerasLibrary();
                await api.KerasStock();
                await api.SetKerasFloor();
                await api.SetKerasLibrary();
                await api.SetKerasStock();
                if (i % 10 == 0)
                {
                    await api.ConcurrentFloor();
                    await api.ConcurrentLibrary();
                    await api.ConcurrentStock();
                }
            }
        }
        finally
        {
            api.Cleanup();
        }

        var downloads = new DownloadBenchmarks();
        downloads.Start();
        try
        {
            // The 1 MiB array: the same code paths as the 256 MiB one.
            for (var i = 0; i < Calls; i++)
            {
                await downloads.RawCopyAsync(RawDataCategory.Testing);
                await downloads.NpyArrayAsync(RawDataCategory.Testing);
                await downloads.FileResponseStreamCopyAsync(RawDataCategory.Testing);
            }
        }
        finally
        {
            downloads.Cleanup();
        }

        // Tier-1 compilation happens on a background thread after a short delay.
        Thread.Sleep(TimeSpan.FromSeconds(2));
    }
}
