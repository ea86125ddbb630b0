// Entry point: warms every path up, runs the BenchmarkDotNet suite and prints its ratios, then the measurements that
// need more than BenchmarkDotNet gives on a noisy shared machine: interleaved time ratios (InterleavedRatios), and for
// downloads interleaved rates and peak memory per fresh process (DownloadMeasurements). Arguments go
// to BenchmarkDotNet (e.g. --filter '*Download*'); --smoke runs every benchmark once and skips the extra
// measurements (CI); --no-downloads skips them too; --alloc only prints bytes allocated per call (AllocationProbe,
// seconds); --peak <kind> is the peak measurement's child mode.
using System;
using System.Linq;
using BenchmarkDotNet.Running;
using EdgeImpulse.Generated.Benchmarks;

if (args.Length == 2 && args[0] == "--peak")
{
    return await DownloadMeasurements.MeasurePeakAsync(args[1]);
}

if (args.Contains("--alloc"))
{
    return await AllocationProbe.RunAsync();
}

var smoke = args.Contains("--smoke");
if (smoke)
{
    // The same code paths on a 16 MiB array, so CI's smoke stays well inside its time limit.
    LoopbackServer.NpyRows = 4096;
}
if (!smoke)
{
    await Warmup.RunAsync();
}

var rest = args.Where(a => a is not "--smoke" and not "--no-downloads").ToArray();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSettings).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, BenchmarkSettings.Create(smoke));
if (summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)))
{
    Console.Error.WriteLine("A benchmark failed; see the log above.");
    return 1;
}

RatioTable.Print(summaries);
if (!smoke)
{
    await InterleavedRatios.MeasureAsync();
}

if (!smoke && !args.Contains("--no-downloads"))
{
    await DownloadMeasurements.MeasureRatesAsync();
    await DownloadMeasurements.MeasurePeaksAsync();
}

return 0;
