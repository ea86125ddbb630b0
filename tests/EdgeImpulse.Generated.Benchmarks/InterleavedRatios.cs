// Time ratios that survive a shared, bursty machine. BenchmarkDotNet measures one competitor after another, so a burst
// of load elsewhere lands on whichever runs at that moment. Here every round runs a short batch of each competitor back
// to back (order rotating), and the ratio is taken within the round, then the median over rounds: a burst that spans a
// round hits all three alike. Allocations are BenchmarkDotNet's (exact); this only adds the time side.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Benchmarks;

internal static class InterleavedRatios
{
    private const int Rounds = 31;

    private static readonly string[] Names = ["floor", "this client", "NSwag stock"];

    public static async Task MeasureAsync()
    {
        var api = new ApiBenchmarks();
        api.Setup();
        try
        {
            var operations = new (string Name, int Batch, int CallsPerInvoke, Func<Task>[] Competitors)[]
            {
                ("getDspConfig 11.6 KB", 100, 1, [api.DspConfigFloor, api.DspConfigLibrary, api.DspConfigStock]),
                ("getKeras 400 KB", 10, 1, [api.KerasFloor, api.KerasLibrary, api.KerasStock]),
                ("setKeras POST", 100, 1, [api.SetKerasFloor, api.SetKerasLibrary, api.SetKerasStock]),
                ("16 callers, getKeras 400 KB", 2, ApiBenchmarks.Callers, [api.ConcurrentFloor, api.ConcurrentLibrary, api.ConcurrentStock]),
            };
            Console.WriteLine();
            Console.WriteLine($"Interleaved time ratios ({Rounds} rounds; per round one batch of each competitor back to back; median over rounds of the in-round ratio):");
            Console.WriteLine("| operation | competitor | median time per call | calls/s | time vs floor | time vs NSwag stock |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|");
            foreach (var (name, batch, callsPerInvoke, competitors) in operations)
            {
                var perCall = competitors.Select(_ => new List<double>()).ToArray();
                for (var round = 0; round < Rounds; round++)
                {
                    for (var i = 0; i < competitors.Length; i++)
                    {
                        var k = (round + i) % competitors.Length;
                        var clock = Stopwatch.StartNew();
                        for (var call = 0; call < batch; call++)
                        {
                            await competitors[k]();
                        }

                        perCall[k].Add(clock.Elapsed.TotalSeconds / (batch * callsPerInvoke));
                    }
                }

                for (var k = 0; k < competitors.Length; k++)
                {
                    var median = Median(perCall[k]);
                    var vsFloor = Median(perCall[k].Zip(perCall[0], (a, b) => a / b));
                    var vsStock = Median(perCall[k].Zip(perCall[2], (a, b) => a / b));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {Names[k]} | {median * 1e6:F1} µs | {1 / median:F0} | {vsFloor:F2}x | {vsStock:F2}x |"));
                }
            }
        }
        finally
        {
            api.Cleanup();
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
