// The issue-8-style table from one run's summaries: per operation, each competitor's median time and allocated bytes
// as multiples of the floor's (medians, since the machine is shared and noisy), plus calls/s for the concurrency row.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace EdgeImpulse.Generated.Benchmarks;

internal static class RatioTable
{
    public static void Print(IEnumerable<Summary> summaries)
    {
        var rows = summaries.SelectMany(s => s.Reports)
            .Where(r => r.Success && r.ResultStatistics is not null)
            .Select(r => new
            {
                Operation = r.BenchmarkCase.Descriptor.Categories.Single(c => c is not "Json" and not "Download"),
                Competitor = r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                Baseline = r.BenchmarkCase.Descriptor.Baseline,
                MedianNs = r.ResultStatistics!.Median,
                Allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0,
            })
            .ToList();
        Console.WriteLine();
        Console.WriteLine("Ratios against the floor (the Baseline of each operation), from medians:");
        Console.WriteLine("| operation | competitor | median time | time vs floor | allocated/op | allocated vs floor | calls/s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var operation in rows.GroupBy(r => r.Operation))
        {
            var floor = operation.SingleOrDefault(r => r.Baseline);
            foreach (var row in operation.OrderByDescending(r => r.Baseline))
            {
                var timeRatio = floor is null ? double.NaN : row.MedianNs / floor.MedianNs;
                var allocRatio = floor is null || floor.Allocated == 0 ? double.NaN : row.Allocated / (double)floor.Allocated;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {row.Operation} | {row.Competitor} | {Time(row.MedianNs)} | {timeRatio:F2}x | {row.Allocated / 1024.0:F1} KB | {allocRatio:F2}x | {1e9 / row.MedianNs:F0} |"));
            }
        }
    }

    private static string Time(double ns) => ns switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:F2} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:F1} µs"),
    };
}
