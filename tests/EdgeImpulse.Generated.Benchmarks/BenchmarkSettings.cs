// One job for every benchmark: in-process (no second build of a generated project on a busy machine), one launch, few
// iterations; the competitors of an operation run one after another in the same process and are read as ratios.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using BdnJob = BenchmarkDotNet.Jobs.Job;

namespace EdgeImpulse.Generated.Benchmarks;

internal static class BenchmarkSettings
{
    public static IConfig Create(bool smoke)
    {
        var job = smoke
            ? BdnJob.Dry.WithId("Smoke")
            : BdnJob.Default.WithId("Measure").WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(300));
        return DefaultConfig.Instance
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(CategoriesColumn.Default)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile)
            // Reports next to the binaries, not in whatever directory the command ran from.
            .WithArtifactsPath(System.IO.Path.Combine(System.AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    }
}
