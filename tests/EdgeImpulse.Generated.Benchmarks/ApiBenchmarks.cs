// Per-call cost of JSON operations (issue 8, item 2): for each operation, the hand-written floor (baseline), this
// client and NSwag's stock client, one after another in one process against one loopback server process.
using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace EdgeImpulse.Generated.Benchmarks;

[BenchmarkCategory("Json")]
public class ApiBenchmarks
{
    /// <summary>The callers of the concurrency rows: each invocation is this many calls at once.</summary>
    public const int Callers = 16;

    private LoopbackServer? _server;
    private Competitors? _competitors;

    private Competitors C => _competitors!;

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackServer.Start();
        _competitors = new Competitors(_server.BaseUrl);
        CheckAllReadTheSameAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _competitors?.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "floor"), BenchmarkCategory("getDspConfig 11.6 KB")]
    public Task<DspConfigResponse> DspConfigFloor() => C.Floor.GetDspConfigAsync(Competitors.ProjectId, Competitors.DspId);

    [Benchmark(Description = "this client"), BenchmarkCategory("getDspConfig 11.6 KB")]
    public Task<DspConfigResponse> DspConfigLibrary() => C.Library.Dsp.GetDspConfigAsync(Competitors.ProjectId, Competitors.DspId);

    [Benchmark(Description = "NSwag stock"), BenchmarkCategory("getDspConfig 11.6 KB")]
    public Task<Stock.DspConfigResponse> DspConfigStock() => C.StockDsp.GetDspConfigAsync(Competitors.ProjectId, Competitors.DspId);

    [Benchmark(Baseline = true, Description = "floor"), BenchmarkCategory("getKeras 400 KB")]
    public Task<KerasResponse> KerasFloor() => C.Floor.GetKerasAsync(Competitors.ProjectId, Competitors.LearnId);

    [Benchmark(Description = "this client"), BenchmarkCategory("getKeras 400 KB")]
    public Task<KerasResponse> KerasLibrary() => C.Library.Learn.GetKerasAsync(Competitors.ProjectId, Competitors.LearnId);

    [Benchmark(Description = "NSwag stock"), BenchmarkCategory("getKeras 400 KB")]
    public Task<Stock.KerasResponse> KerasStock() => C.StockLearn.GetKerasAsync(Competitors.ProjectId, Competitors.LearnId);

    [Benchmark(Baseline = true, Description = "floor"), BenchmarkCategory("setKeras POST")]
    public Task<GenericApiResponse> SetKerasFloor() => C.Floor.SetKerasAsync(Competitors.ProjectId, Competitors.LearnId, C.SetKerasRequest);

    [Benchmark(Description = "this client"), BenchmarkCategory("setKeras POST")]
    public Task<GenericApiResponse> SetKerasLibrary() => C.Library.Learn.SetKerasAsync(Competitors.ProjectId, Competitors.LearnId, C.SetKerasRequest);

    [Benchmark(Description = "NSwag stock"), BenchmarkCategory("setKeras POST")]
    public Task<Stock.GenericApiResponse> SetKerasStock() => C.StockLearn.SetKerasAsync(Competitors.ProjectId, Competitors.LearnId, C.StockSetKerasRequest);

    // 16 callers at once on one shared client; the time reported is per call (OperationsPerInvoke), so calls/s = 1 s / Mean.
    [Benchmark(Baseline = true, Description = "floor", OperationsPerInvoke = Callers), BenchmarkCategory("16 callers, getKeras 400 KB")]
    public Task ConcurrentFloor() => Concurrently(() => C.Floor.GetKerasAsync(Competitors.ProjectId, Competitors.LearnId));

    [Benchmark(Description = "this client", OperationsPerInvoke = Callers), BenchmarkCategory("16 callers, getKeras 400 KB")]
    public Task ConcurrentLibrary() => Concurrently(() => C.Library.Learn.GetKerasAsync(Competitors.ProjectId, Competitors.LearnId));

    [Benchmark(Description = "NSwag stock", OperationsPerInvoke = Callers), BenchmarkCategory("16 callers, getKeras 400 KB")]
    public Task ConcurrentStock() => Concurrently(() => C.StockLearn.GetKerasAsync(Competitors.ProjectId, Competitors.LearnId));

    private static Task Concurrently(Func<Task> call) => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(call)));

    // A benchmark of a client that reads less (or fails) would be meaningless: all three must read the same answer.
    private async Task CheckAllReadTheSameAsync()
    {
        var counts = new[]
        {
            (await KerasFloor()).TransferLearningModels!.Count,
            (await KerasLibrary()).TransferLearningModels!.Count,
            (await KerasStock()).TransferLearningModels!.Count,
        };
        var groups = new[]
        {
            (await DspConfigFloor()).Config!.Count,
            (await DspConfigLibrary()).Config!.Count,
            (await DspConfigStock()).Config!.Count,
        };
        var posted = new[] { (await SetKerasFloor()).Success, (await SetKerasLibrary()).Success, (await SetKerasStock()).Success };
        if (counts.Distinct().Count() != 1 || counts[0] < 100 || groups.Distinct().Count() != 1 || groups[0] == 0 || !posted.All(s => s == true))
        {
            throw new InvalidOperationException($"The competitors read different answers: models {string.Join("/", counts)}, config groups {string.Join("/", groups)}, setKeras {string.Join("/", posted)}.");
        }
    }
}
