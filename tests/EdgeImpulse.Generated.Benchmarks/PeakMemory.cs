// Peak memory of one 256 MiB download, per way of reading it: each runs in a fresh child process (a process's peak
// working set only grows), which warms up on a small call, collects, notes its working set, downloads once and reports
// how far the peak working set rose above that, as a multiple of the array's size.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Benchmarks;

internal static class PeakMemory
{
    private const long ArrayBytes = 65536L * 1024 * sizeof(float);

    private static readonly string[] Kinds = ["raw", "npy", "file"];

    public static async Task MeasureAllAsync()
    {
        Console.WriteLine();
        Console.WriteLine("Peak memory of one 256 MiB download (fresh process each; rise of the peak working set over the warmed-up working set):");
        foreach (var kind in Kinds)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
            start.ArgumentList.Add("--peak");
            start.ArgumentList.Add(kind);
            using var child = Process.Start(start)!;
            var line = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            Console.Write(line);
        }
    }

    public static async Task<int> MeasureOneAsync(string kind)
    {
        var benchmarks = new DownloadBenchmarks();
        benchmarks.Setup();
        try
        {
            // Setup already downloaded three times (warming every path up); drop all of it before the baseline.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var baseline = process.WorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var peakBefore = process.PeakWorkingSet64;
            object result = kind switch
            {
                "raw" => await benchmarks.RawCopy(),
                "npy" => await benchmarks.NpyArray(),
                "file" => await benchmarks.FileResponseStreamCopy(),
                _ => throw new ArgumentException($"Unknown kind {kind}: raw, npy or file.", nameof(kind)),
            };
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var rise = process.PeakWorkingSet64 - baseline;
            GC.KeepAlive(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-5} allocated {allocated / (double)ArrayBytes:F4}x the array, peak working set +{rise / (1024.0 * 1024):F0} MiB = {rise / (double)ArrayBytes:F3}x the array (peak before this download: {peakBefore / (1024 * 1024)} MiB)"));
            return 0;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
