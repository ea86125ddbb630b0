// The download figures beyond BenchmarkDotNet's table, for a noisy shared machine:
// - rates: the three ways of downloading the 256 MiB .npy, interleaved round by round in one process (so a burst of
//   load elsewhere hits all three alike), each download after a full blocking GC; medians and ratios of medians, and
//   the best of each (the least disturbed download).
// - peak memory: one download per fresh process (a process's peak working set only grows): warm that way of
//   downloading up on a 1 MiB array, collect, note the working set, download the 256 MiB array once, and report how
//   far the peak working set rose, and the bytes allocated, as multiples of the array.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Benchmarks;

internal static class DownloadMeasurements
{
    private const int Rounds = 15;

    private static readonly string[] Kinds = ["raw", "npy", "file"];

    public static async Task MeasureRatesAsync()
    {
        var benchmarks = new DownloadBenchmarks();
        benchmarks.Start();
        try
        {
            await benchmarks.CheckAllReadTheSameAsync();
            var seconds = Kinds.ToDictionary(k => k, _ => new List<double>());
            for (var round = 0; round < Rounds; round++)
            {
                // Rotate the order, so no way of downloading always runs first (or right after another).
                for (var i = 0; i < Kinds.Length; i++)
                {
                    var kind = Kinds[(round + i) % Kinds.Length];
                    Collect();
                    var clock = Stopwatch.StartNew();
                    GC.KeepAlive(await DownloadAsync(benchmarks, kind, RawDataCategory.Training));
                    seconds[kind].Add(clock.Elapsed.TotalSeconds);
                }
            }

            var raw = Median(seconds["raw"]);
            Console.WriteLine();
            Console.WriteLine($"Download rates, 256 MiB float32 .npy, {Rounds} interleaved rounds (median; rate ratio = raw median / this median):");
            foreach (var kind in Kinds)
            {
                var median = Median(seconds[kind]);
                Console.WriteLine(Invariant($"  {Describe(kind),-38} median {median * 1000,7:F0} ms = {DownloadBenchmarks.ArrayBytes / median / (1 << 20),6:F0} MiB/s, rate {raw / median:F2}x raw; best {seconds[kind].Min() * 1000:F0} ms, all: {string.Join(" ", seconds[kind].Select(s => (s * 1000).ToString("F0", CultureInfo.InvariantCulture)))}"));
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    public static async Task MeasurePeaksAsync()
    {
        Console.WriteLine();
        Console.WriteLine("Peak memory of one 256 MiB download (a fresh process each; rise of the peak working set over the warmed-up working set):");
        foreach (var kind in Kinds)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(DownloadMeasurements).Assembly.Location);
            start.ArgumentList.Add("--peak");
            start.ArgumentList.Add(kind);
            using var child = Process.Start(start)!;
            Console.Write(await child.StandardOutput.ReadToEndAsync());
            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException($"The peak measurement of {kind} failed (exit code {child.ExitCode}).");
            }
        }
    }

    /// <summary>The child process of <see cref="MeasurePeaksAsync"/>.</summary>
    public static async Task<int> MeasurePeakAsync(string kind)
    {
        var benchmarks = new DownloadBenchmarks();
        benchmarks.Start();
        try
        {
            GC.KeepAlive(await DownloadAsync(benchmarks, kind, RawDataCategory.Testing));
            Collect();
            using var process = Process.GetCurrentProcess();
            var baseline = process.WorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var result = await DownloadAsync(benchmarks, kind, RawDataCategory.Training);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var rise = process.PeakWorkingSet64 - baseline;
            GC.KeepAlive(result);
            Console.WriteLine(Invariant($"  {Describe(kind),-38} allocated {allocated / (double)DownloadBenchmarks.ArrayBytes:F4}x the array; peak working set +{rise / (double)(1 << 20):F0} MiB = {rise / (double)DownloadBenchmarks.ArrayBytes:F3}x the array (working set before: {baseline >> 20} MiB)"));
            return 0;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task<object> DownloadAsync(DownloadBenchmarks benchmarks, string kind, RawDataCategory category) => kind switch
    {
        "raw" => await benchmarks.RawCopyAsync(category),
        "npy" => await benchmarks.NpyArrayAsync(category),
        "file" => await benchmarks.FileResponseStreamCopyAsync(category),
        _ => throw new ArgumentException($"Unknown kind {kind}: raw, npy or file.", nameof(kind)),
    };

    private static string Describe(string kind) => kind switch
    {
        "raw" => "raw HttpClient into byte[]",
        "npy" => "DownloadDspDataArrayAsync → NpyArray",
        _ => "FileResponse.Stream into byte[]",
    };

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
